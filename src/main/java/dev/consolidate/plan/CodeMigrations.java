package dev.consolidate.plan;

import dev.consolidate.history.HistoryRow;
import dev.consolidate.history.HistorySnapshot;
import dev.consolidate.history.IgnoredFile;
import dev.consolidate.history.MigrationSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Migrations written as code (Flyway's Java migrations, Go or TypeScript migration functions): an SQL
 * replay cannot see what they did, so parity cannot cover them and the plan says so.
 */
public final class CodeMigrations {
    private static final Set<String> CODE = Set.of("java", "kt", "scala", "groovy", "ts", "js", "mjs", "cjs", "go", "py", "rb");
    private static final Pattern FLYWAY_CODE = Pattern.compile("[VR]\\d*[_.\\d]*__?\\w*\\.(java|kt|scala|groovy)");
    private static final Set<String> SKIPPED = Set.of("node_modules", ".git", "target", "build", "dist", "vendor", ".consolidate");
    private static final int MAX_DEPTH = 12;

    private CodeMigrations() {
    }

    /**
     * Code migrations found as files in the project (Flyway's Java migrations anywhere under a
     * migration folder; code files the tool skipped in the migrations folder), and as history rows
     * of a code type (Flyway JDBC).
     *
     * @param history the history table as read, or null
     */
    public static List<String> find(Path projectRoot, MigrationSet migrations, HistorySnapshot history) {
        Set<String> found = new TreeSet<>();
        for (IgnoredFile f : migrations.ignored()) {
            int dot = f.path().lastIndexOf('.');
            if (dot > 0 && CODE.contains(f.path().substring(dot + 1).toLowerCase(java.util.Locale.ROOT))) {
                found.add(f.path() + " (file)");
            }
        }
        try {
            Files.walkFileTree(projectRoot, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return SKIPPED.contains(dir.getFileName().toString()) && !dir.equals(projectRoot)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (FLYWAY_CODE.matcher(name).matches() && file.toString().contains("migration")) {
                        found.add(projectRoot.relativize(file).toString().replace('\\', '/') + " (file)");
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (history != null) {
            for (HistoryRow r : history.rows()) {
                if (r.type() != null && (r.type().equals("JDBC") || r.type().equals("SPRING_JDBC") || r.type().equals("JAVA"))) {
                    found.add("history row " + r.label() + " (" + r.type() + ")");
                }
            }
        }
        return List.copyOf(found);
    }
}
