package dev.consolidate.archive;

import dev.consolidate.fs.Sha256;
import dev.consolidate.history.BaselineIdentity;
import dev.consolidate.history.Tool;
import dev.consolidate.plan.Plan;
import dev.consolidate.run.RunFolder;
import dev.consolidate.steps.RunInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Small projects on disk in each tool's layout, with the plan --plan would make for them, and a
 * tree hash to prove that archive plus undo leaves every path and byte as it was.
 */
public final class ArchiveFixtures {
    public static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");

    private ArchiveFixtures() {
    }

    /** A project: its root, the plan, and the run folder the plan would use. */
    public record Project(Path root, Plan plan) {
        public RunFolder runFolder() {
            return RunFolder.defaultFor(root, plan.planId());
        }

        public RunInputs inputs() {
            return new RunInputs(plan, runFolder(), root, null, Clock.fixed(NOW, ZoneOffset.UTC));
        }

        public Path file(String relative) {
            return root.resolve(relative);
        }

        public Path archiveDir() {
            return root.resolve(plan.archive().folder());
        }
    }

    /** Supabase: flat timestamped files, a .gitkeep that stays, the baseline written by step 4. */
    public static Project supabase(Path root) {
        String dir = "supabase/migrations";
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String f = dir + "/2025090" + i + "100000_step_" + i + ".sql";
            write(root, f, "-- migration " + i + "\ncreate table t" + i + " (id int primary key);\n");
            files.add(f);
        }
        write(root, dir + "/.gitkeep", "");
        write(root, "supabase/config.toml", "project_id = \"demo\"\n");
        String baseline = dir + "/20250906100000_consolidated_baseline.sql";
        write(root, baseline, "-- baseline\n");
        return new Project(root, plan(root, Tool.SUPABASE, dir, files,
                new BaselineIdentity(Tool.SUPABASE, "20250906100000", "consolidated_baseline", baseline, dir + "_archive")));
    }

    /** Prisma: one directory per migration, one with a second file and a name with a space; the lock file stays. */
    public static Project prisma(Path root) {
        String dir = "prisma/migrations";
        write(root, dir + "/migration_lock.toml", "provider = \"postgresql\"\n");
        List<String> files = new ArrayList<>();
        String[] names = {"20240101000000_init", "20240102000000_add users", "20240103000000_indexes"};
        for (int i = 0; i < names.length; i++) {
            String f = dir + "/" + names[i] + "/migration.sql";
            write(root, f, "-- prisma " + i + "\nCREATE TABLE \"p" + i + "\" (\"id\" SERIAL PRIMARY KEY);\n");
            files.add(f);
        }
        write(root, dir + "/20240102000000_add users/README.md", "notes kept beside the migration\n");
        String baseline = dir + "/000000000000_squashed_migrations/migration.sql";
        write(root, baseline, "-- baseline\n");
        return new Project(root, plan(root, Tool.PRISMA, dir, files, new BaselineIdentity(Tool.PRISMA,
                "000000000000_squashed_migrations", "000000000000_squashed_migrations", baseline, dir + "_archive")));
    }

    /** Flyway: numeric order, a repeatable, a sub-folder, and a non-migration file that stays. */
    public static Project flyway(Path root) {
        String dir = "src/main/resources/db/migration";
        List<String> files = new ArrayList<>();
        for (String f : List.of("V1__init.sql", "V2__users.sql", "v3/V3__nested.sql", "V10__later.sql", "R__views.sql")) {
            write(root, dir + "/" + f, "-- " + f + "\nselect 1;\n");
            files.add(dir + "/" + f);
        }
        write(root, dir + "/V57__readme.md", "# not a migration\n");
        String baseline = dir + "/V11__consolidated_baseline.sql";
        write(root, baseline, "-- baseline\n");
        return new Project(root, plan(root, Tool.FLYWAY, dir, files,
                new BaselineIdentity(Tool.FLYWAY, "11", "consolidated baseline", baseline, dir + "_archive")));
    }

    /** golang-migrate: up files in the plan, their down files travel with them. */
    public static Project golangMigrate(Path root) {
        String dir = "db/migrations";
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String base = dir + "/00000" + i + "_step";
            write(root, base + ".up.sql", "create table g" + i + " (id int);\n");
            if (i != 2) {
                write(root, base + ".down.sql", "drop table g" + i + ";\n");
            }
            files.add(base + ".up.sql");
        }
        String baseline = dir + "/000004_consolidated_baseline.up.sql";
        write(root, baseline, "-- baseline\n");
        return new Project(root, plan(root, Tool.GOLANG_MIGRATE, dir, files,
                new BaselineIdentity(Tool.GOLANG_MIGRATE, "4", "consolidated_baseline", baseline, dir + "_archive")));
    }

    public static Plan plan(Path root, Tool tool, String folder, List<String> files, BaselineIdentity baseline) {
        List<Plan.FileEntry> entries = new ArrayList<>();
        for (String f : files) {
            entries.add(new Plan.FileEntry(f, null, null, "versioned", Sha256.ofFile(root.resolve(f)), null, "applied", null));
        }
        String fingerprint = Sha256.hex(String.join("\n", files) + tool);
        Plan.Project project = new Plan.Project(root.toString(), tool.cliName(), folder, "--tool " + tool.cliName(),
                tool.cliName(), folder, "none", null, null, Map.of(), null, false);
        return new Plan(Plan.FORMAT, fingerprint.substring(0, 12), fingerprint, "2026-11-21T10:00:00Z", project,
                null, null, "replay", entries, List.of(), baseline, new Plan.Archive(baseline.archiveFolder(), files),
                null, List.of(), List.of(), List.of(), List.of(), null);
    }

    public static void write(Path root, String relative, String content) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every folder and file under the root (the run folder excluded) with each file's hash: equal
     * trees give equal maps, and a difference shows as the path that differs.
     */
    public static Map<String, String> tree(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty() || rel.equals(RunFolder.PARENT) || rel.startsWith(RunFolder.PARENT + "/")) {
                    continue;
                }
                out.put(rel, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir" : Sha256.ofFile(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The tree below one folder of the project (paths relative to the root). */
    public static Map<String, String> tree(Path root, String folder) {
        Map<String, String> out = new TreeMap<>();
        tree(root).forEach((k, v) -> {
            if (k.equals(folder) || k.startsWith(folder + "/")) {
                out.put(k, v);
            }
        });
        return out;
    }

    public static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
