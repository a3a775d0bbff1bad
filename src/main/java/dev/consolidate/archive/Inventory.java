package dev.consolidate.archive;

import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.fs.Sha256;
import dev.consolidate.history.Tool;
import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files an archive moves, checked against the plan before anything moves: the plan's migration
 * files plus what belongs to each (every file of a Prisma migration directory, the down file of a
 * golang-migrate up file), each hashed once, in the tool's order. Anything else in the migrations
 * folder stays where it is.
 */
public final class Inventory {
    private static final String PRISMA_SCRIPT = "migration.sql";
    private static final int NAMED = 10;

    private Inventory() {
    }

    /** The files with their hashes and the chained sum over all of them. */
    public record Taken(List<ArchivedFile> files, String sum) {
        public Taken {
            files = List.copyOf(files);
        }
    }

    /**
     * @param planned      the plan's files to archive (project-relative), in the tool's order
     * @param plannedSha256 the hash the plan recorded for each (project-relative path to hex)
     * @param baselinePath the baseline file, which must never be among them
     */
    public static Taken take(ArchiveLayout layout, List<String> planned, Map<String, String> plannedSha256,
                             String baselinePath) {
        Set<String> all = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (String p : planned) {
            if (layout.withinMigrations(p) == null) {
                throw Problem.precondition("The plan lists " + p + " to archive, but it is not inside the migrations folder "
                                + shown(layout.migrationsFolder()) + ".")
                        .why("Archived files keep their path relative to the migrations folder, so each must be inside it.")
                        .fix("Run consolidate --plan again; if this repeats, report it with the plan.json.")
                        .state(nothingMoved(layout))
                        .build();
            }
            if (p.equals(baselinePath)) {
                throw Problem.precondition("The plan lists the baseline " + p + " among the files to archive.")
                        .why("The baseline replaces the archived files; archiving it would leave the tool without a history.")
                        .fix("Run consolidate --plan again (choose another --baseline-name if the names collide).")
                        .state(nothingMoved(layout))
                        .build();
            }
            for (String f : unit(layout, p)) {
                Path file = layout.located(f);
                if (Files.isSymbolicLink(file)) {
                    links.add(f);
                } else if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    missing.add(f);
                }
                all.add(f);
            }
        }
        if (!missing.isEmpty() || !links.isEmpty()) {
            throw refusal(layout, missing, links);
        }
        ChainedSum chain = new ChainedSum();
        List<ArchivedFile> files = new ArrayList<>();
        List<String> edited = new ArrayList<>();
        for (String f : all) {
            String rel = layout.withinMigrations(f);
            chain.name(rel);
            Hashed h = hash(layout.located(f), chain);
            String expected = plannedSha256.get(f);
            if (expected != null && !expected.equals(h.sha256)) {
                edited.add(f);
            }
            files.add(new ArchivedFile(rel, f, layout.archived(rel), h.size, h.sha256, chain.current()));
        }
        if (!edited.isEmpty()) {
            throw Problem.precondition(count(edited.size(), "file") + " to archive changed since the plan was made: "
                            + names(edited) + ".")
                    .why("The plan, the replay and the parity proof describe the files as they were; archiving other "
                            + "content would file away a history nobody checked.")
                    .fix("If the change was a mistake, restore the file (git checkout -- <file>) and run --resume. If it is "
                            + "intended, undo this run with consolidate --rollback and make a new plan with consolidate --plan.")
                    .state(nothingMoved(layout))
                    .build();
        }
        return new Taken(files, chain.current());
    }

    /** The plan's file and the files that belong to the same migration, project-relative, in a fixed order. */
    private static List<String> unit(ArchiveLayout layout, String planned) {
        String rel = layout.withinMigrations(planned);
        if (layout.tool() == Tool.PRISMA && rel.endsWith("/" + PRISMA_SCRIPT) && rel.indexOf('/') == rel.lastIndexOf('/')) {
            String dir = rel.substring(0, rel.indexOf('/'));
            // Both places: a resumed run whose journal missed some moves finds part of the directory archived.
            TreeSet<String> others = new TreeSet<>();
            others.addAll(filesBelow(layout.resolve(layout.original(dir)), layout.migrationsDir(), layout));
            others.addAll(filesBelow(layout.resolve(layout.archived(dir)), layout.archiveDir(), layout));
            others.remove(planned);
            List<String> out = new ArrayList<>();
            out.add(planned);
            out.addAll(others);
            return out;
        }
        if (layout.tool() == Tool.GOLANG_MIGRATE && planned.endsWith(".up.sql")) {
            String down = planned.substring(0, planned.length() - ".up.sql".length()) + ".down.sql";
            if (Files.exists(layout.located(down), LinkOption.NOFOLLOW_LINKS)) {
                return List.of(planned, down);
            }
        }
        return List.of(planned);
    }

    /** Files below {@code dir} as origin paths (project-relative, as if below the migrations folder). */
    private static List<String> filesBelow(Path dir, Path base, ArchiveLayout layout) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX) || base.equals(layout.migrationsDir()))
                    .map(p -> layout.original(base.relativize(p).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Hashed(String sha256, long size) {
    }

    private static Hashed hash(Path file, ChainedSum chain) {
        MessageDigest d = Sha256.newDigest();
        byte[] buf = new byte[64 * 1024];
        long size = 0;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
                chain.content(buf, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw Problem.stepFailed("Cannot read " + file + " to archive it: " + e.getMessage())
                    .why("Every file is hashed before it moves, so that each move can be verified.")
                    .fix("Check the file's permissions, then run --resume.")
                    .state("Nothing was moved.")
                    .cause(e)
                    .build();
        }
        return new Hashed(Sha256.hex(d), size);
    }

    private static Problem refusal(ArchiveLayout layout, List<String> missing, List<String> links) {
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add(count(missing.size(), "file") + " missing: " + names(missing));
        }
        if (!links.isEmpty()) {
            parts.add(count(links.size(), "symbolic link") + " where a file was expected: " + names(links));
        }
        return Problem.precondition("Cannot archive the migrations: " + String.join("; ", parts) + ".")
                .why(missing.isEmpty()
                        ? "The archive moves files and verifies each by its hash; a link would move without what it points to."
                        : "Every file the plan names is moved into the archive; one that is gone cannot be archived, and the "
                        + "history would lose it.")
                .fix(missing.isEmpty()
                        ? "Replace each link by the file it points to, then run --resume."
                        : "Restore the file (git checkout -- <file>) and run --resume; if it was removed on purpose, undo this "
                        + "run with consolidate --rollback and make a new plan with consolidate --plan.")
                .state(nothingMoved(layout))
                .build();
    }

    static String nothingMoved(ArchiveLayout layout) {
        return "Nothing was moved: every migration file is still in " + shown(layout.migrationsFolder()) + ".";
    }

    static String shown(String folder) {
        return folder.isEmpty() ? "the project root" : folder + "/";
    }

    static String names(List<String> names) {
        List<String> shown = names.size() > NAMED ? names.subList(0, NAMED) : names;
        return String.join(", ", shown) + (names.size() > NAMED ? " and " + (names.size() - NAMED) + " more" : "");
    }

    /** "1 file", "14 files". */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
