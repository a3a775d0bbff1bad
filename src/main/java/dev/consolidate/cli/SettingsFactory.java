package dev.consolidate.cli;

import dev.consolidate.problem.Problem;
import dev.consolidate.settings.JobFile;
import dev.consolidate.settings.Mode;
import dev.consolidate.settings.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Merges the command line over the job file, applies defaults and rejects what cannot work together. */
final class SettingsFactory {
    private static final Set<String> TOOLS = Set.of("auto", "supabase", "prisma", "flyway", "dbmate", "golang-migrate", "sql");

    private final Map<String, String> env;

    SettingsFactory(Map<String, String> env) {
        this.env = env;
    }

    Settings build(ConsolidateCommand c) {
        Mode mode = c.mode();
        if (mode == null) {
            throw Problem.usage("No mode given.")
                    .why("Each run does exactly one of --plan, --execute, --resume, --rollback, --status, --check or --restore.")
                    .fix("Start with: consolidate --plan (see consolidate --help).")
                    .state("Nothing was changed.")
                    .build();
        }
        JobFile job = c.job == null ? null : JobFile.read(c.job);
        Path dir = path(c.dir, job, "dir", Path.of("."));
        String tool = oneOf("--tool", str(c.tool, job, "tool", "auto"), TOOLS);
        String profile = str(c.profile, job, "profile", null);
        if (profile != null) {
            oneOf("--profile", profile, Set.of("none", "supabase"));
        }
        String source = oneOf("--source", str(c.source, job, "source", "replay"), Set.of("replay", "production"));
        String backup = oneOf("--backup", str(c.backup, job, "backup", "full"), Set.of("full", "schema", "none"));
        String backupRef = str(c.backupRef, job, "backup-ref", null);
        if (backup.equals("none") && (backupRef == null || backupRef.isBlank())) {
            throw Problem.usage("--backup none needs --backup-ref.")
                    .why("Skipping the tool's own backup is allowed only when you name the backup you took yourself; "
                            + "the rollback runbook points to it.")
                    .fix("Add --backup-ref \"<where your backup is>\", or drop --backup none.")
                    .state("Nothing was changed.")
                    .build();
        }
        String targetTool = str(c.targetTool, job, "target-tool", null);
        if (targetTool != null) {
            oneOf("--target-tool", targetTool, Set.of("supabase", "prisma", "flyway", "dbmate", "golang-migrate", "sql"));
        }
        String againstTool = oneOf("--against-tool", str(c.againstTool, job, "against-tool", "auto"), TOOLS);
        Path against = path(c.against, job, "against", null);
        if (against != null && mode != Mode.CHECK) {
            throw onlyWith("--against", "--check");
        }
        if (c.to != null && mode != Mode.ROLLBACK) {
            throw onlyWith("--to", "--rollback");
        }
        if (c.emitVerifySql != null && mode != Mode.CHECK) {
            throw onlyWith("--emit-verify-sql", "--check");
        }
        if (c.dataAsMigration != null && mode != Mode.PLAN) {
            throw onlyWith("--data-as-migration", "--plan");
        }
        if (Boolean.TRUE.equals(c.noReplay) && mode != Mode.PLAN) {
            throw onlyWith("--no-replay", "--plan");
        }
        String production = job == null ? null : job.get("production");
        if (production != null && !production.equals("embedded")) {
            throw Problem.usage("Job file " + job.file() + ": production = " + production + " is not understood.")
                    .why("A job file can only declare an embedded production stand-in; a real production is given with db-url.")
                    .fix("Write \"production = embedded\", or remove the line and set db-url.")
                    .state("Nothing was changed.")
                    .build();
        }
        Map<String, String> sessionSettings = new LinkedHashMap<>();
        if (job != null) {
            sessionSettings.putAll(job.sessionSettings());
        }
        sessionSettings.putAll(c.set);
        boolean noColor = bool(c.noColor, job, "no-color");
        return new Settings(
                mode,
                dir.toAbsolutePath().normalize(),
                tool,
                path(c.migrations, job, "migrations", null),
                str(c.dbUrl, job, "db-url", null),
                "embedded".equals(production),
                job == null || job.get("production-seed") == null ? null : Path.of(job.get("production-seed")),
                path(c.runDir, job, "run-dir", null),
                str(c.scratch, job, "scratch", "embedded"),
                profile,
                path(c.bootstrap, job, "bootstrap", null),
                sessionSettings,
                bool(c.json, job, "json"),
                bool(c.verbose, job, "verbose"),
                Console.colorWanted(noColor, env),
                bool(c.yes, job, "yes"),
                source,
                backup,
                backupRef,
                bool(c.pgDump, job, "pg-dump"),
                c.to,
                bool(c.noOwner, job, "no-owner"),
                targetTool,
                against,
                againstTool,
                path(c.emitVerifySql, job, "emit-verify-sql", null),
                str(c.baselineName, job, "baseline-name", null),
                c.modes.restore,
                bool(c.noReplay, job, "no-replay"),
                job == null || job.get("copy-from") == null ? null : Path.of(job.get("copy-from")),
                c.job,
                optionalBool(c.dataAsMigration, job, "data-as-migration"));
    }

    private static String str(String cli, JobFile job, String key, String dflt) {
        if (cli != null) {
            return cli;
        }
        if (job != null && job.get(key) != null && !job.get(key).isEmpty()) {
            return job.get(key);
        }
        return dflt;
    }

    private static Path path(Path cli, JobFile job, String key, Path dflt) {
        if (cli != null) {
            return cli.toAbsolutePath().normalize();
        }
        if (job != null && job.get(key) != null && !job.get(key).isEmpty()) {
            return Path.of(job.get(key));
        }
        return dflt;
    }

    private static boolean bool(Boolean cli, JobFile job, String key) {
        if (cli != null) {
            return cli;
        }
        return job != null && job.flag(key);
    }

    /** The command line's value, else the job file's, else null (left to a default decided later). */
    private static Boolean optionalBool(Boolean cli, JobFile job, String key) {
        if (cli != null) {
            return cli;
        }
        return job == null || job.get(key) == null ? null : job.flag(key);
    }

    private static String oneOf(String option, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw Problem.usage(option + " " + value + " is not one of " + List.copyOf(new java.util.TreeSet<>(allowed)) + ".")
                    .why("The option takes one of a fixed set of values.")
                    .fix("Use one of the listed values (consolidate --help explains each).")
                    .state("Nothing was changed.")
                    .build();
        }
        return value;
    }

    private static Problem onlyWith(String option, String mode) {
        return Problem.usage(option + " only works with " + mode + ".")
                .why(option + " refines " + mode + " and means nothing to the other modes.")
                .fix("Drop " + option + ", or run " + mode + ".")
                .state("Nothing was changed.")
                .build();
    }
}
