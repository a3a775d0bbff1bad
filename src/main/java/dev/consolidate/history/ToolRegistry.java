package dev.consolidate.history;

import dev.consolidate.problem.Problem;
import dev.consolidate.sql.SqlSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The adapters, and how a run picks one: {@code --tool <name>} or {@code --tool auto} (the layout
 * decides: exactly one migrations folder must be found, else the user is told what was found),
 * {@code --migrations} overriding the tool's default folder.
 */
public final class ToolRegistry {
    /** How deep auto-detection looks below the project root (Flyway's resources folders sit deep). */
    static final int MAX_DEPTH = 8;
    private static final Set<String> SKIPPED = Set.of("node_modules", ".git", "target", "build", "dist", "vendor", "out",
            ".consolidate", ".venv", "venv", "__pycache__", ".gradle", ".idea");

    private final List<ToolAdapter> adapters;

    public ToolRegistry(List<ToolAdapter> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    /** Every tool served, more specific layouts first (a plain numbered folder is the fallback). */
    public static ToolRegistry standard() {
        SqlSplitter splitter = new SqlSplitter();
        return new ToolRegistry(List.of(new SupabaseAdapter(splitter), new PrismaAdapter(), new FlywayAdapter(),
                new DbmateAdapter(), new GolangMigrateAdapter(), new PlainSqlAdapter()));
    }

    public List<ToolAdapter> adapters() {
        return adapters;
    }

    public ToolAdapter adapter(Tool tool) {
        return adapters.stream().filter(a -> a.tool() == tool).findFirst()
                .orElseThrow(() -> new IllegalStateException("no adapter for " + tool));
    }

    /** The adapter for a command-line name ("prisma", "golang-migrate", ...). */
    public ToolAdapter adapter(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return adapters.stream().filter(a -> a.tool().cliName().equals(n)).findFirst()
                .orElseThrow(() -> Problem.usage("Unknown migration tool \"" + name + "\".")
                        .why("consolidate serves " + names() + ".")
                        .fix("Pass --tool with one of " + names() + ", or --tool auto to detect it from the project layout.")
                        .state("Nothing was changed.")
                        .build());
    }

    /**
     * @param projectRoot the project root
     * @param tool        "auto" or a tool's name
     * @param migrations  the --migrations folder (relative to the root or absolute), or null for the default
     */
    public ResolvedProject resolve(Path projectRoot, String tool, Path migrations) {
        Path root = projectRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw Problem.usage("The project folder " + root + " does not exist.")
                    .why("--dir must name the project whose migrations are consolidated.")
                    .fix("Pass --dir with the project's root folder.")
                    .state("Nothing was changed.")
                    .build();
        }
        Path folder = migrations == null ? null : root.resolve(migrations).normalize();
        if (tool != null && !tool.equalsIgnoreCase("auto")) {
            ToolAdapter a = adapter(tool);
            Path f = folder != null ? folder : root.resolve(a.defaultFolder()).normalize();
            return new ResolvedProject(a, root, f, "--tool " + a.tool() + (folder != null
                    ? ", --migrations " + rel(root, f) : ", its default folder " + a.defaultFolder()));
        }
        List<Detection> found = folder != null ? recogniseFolder(root, folder) : detect(root);
        if (found.isEmpty()) {
            throw Problem.usage(folder != null
                            ? "Cannot tell which migration tool " + rel(root, folder) + " belongs to."
                            : "No migrations found under " + root + ".")
                    .why("--tool auto looks for supabase/migrations, a Prisma migrations folder (migration_lock.toml),"
                            + " Flyway V<version>__<name>.sql files, dbmate files with \"-- migrate:up\", golang-migrate"
                            + " <version>_<name>.up.sql files, or .sql files named with a number first"
                            + (folder != null ? "; that folder holds none of these." : " (up to " + MAX_DEPTH + " folders deep).")
                            + " Skipped folders: " + SKIPPED.stream().sorted().collect(Collectors.joining(", ")) + ".")
                    .fix("Pass --tool " + names().replace(", ", "|") + " and --migrations <folder>.")
                    .state("Nothing was changed.")
                    .build();
        }
        if (found.size() > 1) {
            throw Problem.usage("Found more than one migration history; consolidate will not guess between them: "
                            + found.stream().map(Detection::toString).collect(Collectors.joining("; ")) + ".")
                    .why("Consolidating the wrong history would squash migrations another tool still tracks.")
                    .fix("Name the one to consolidate, e.g. --tool " + found.get(0).tool() + " --migrations " + found.get(0).folder()
                            + " (or --tool " + found.get(1).tool() + " --migrations " + found.get(1).folder() + ").")
                    .state("Nothing was changed.")
                    .build();
        }
        Detection d = found.get(0);
        return new ResolvedProject(adapter(d.tool()), root, root.resolve(d.folder()).normalize(), "detected: " + d);
    }

    /** Every migrations folder under the root, at most one tool per folder (the most specific). */
    public List<Detection> detect(Path root) {
        List<Detection> out = new ArrayList<>();
        for (Path dir : candidates(root)) {
            out.addAll(recogniseFolder(root, dir));
        }
        out.sort(Comparator.comparing(Detection::folder).thenComparing(d -> d.tool().ordinal()));
        return out;
    }

    private List<Detection> recogniseFolder(Path root, Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        for (ToolAdapter a : adapters) {
            Optional<String> evidence = a.recognise(dir);
            if (evidence.isPresent()) {
                return List.of(new Detection(a.tool(), rel(root, dir), evidence.get()));
            }
        }
        return List.of();
    }

    private static List<Path> candidates(Path root) {
        List<Path> dirs = new ArrayList<>();
        collect(root, 0, dirs);
        return dirs;
    }

    private static void collect(Path dir, int depth, List<Path> out) {
        out.add(dir);
        if (depth >= MAX_DEPTH) {
            return;
        }
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p)).sorted().toList();
        } catch (IOException e) {
            return;
        }
        for (Path c : children) {
            String name = c.getFileName().toString();
            if (SKIPPED.contains(name) || name.endsWith("_archive") || name.endsWith("_legacy_sql")
                    || (name.startsWith(".") && !name.equals(".migrations"))) {
                continue;
            }
            if (Files.isRegularFile(c.resolve("migration.sql")) && Files.isRegularFile(dir.resolve("migration_lock.toml"))) {
                continue;
            }
            collect(c, depth + 1, out);
        }
    }

    private static String rel(Path root, Path p) {
        String r = root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return r.isEmpty() ? "." : r;
    }

    private String names() {
        return Arrays.stream(Tool.values()).map(Tool::cliName).collect(Collectors.joining(", "));
    }
}
