package dev.consolidate.cli;

import dev.consolidate.settings.Mode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line's shape. Options default to null so that a job file can fill what the command
 * line leaves out; {@link SettingsFactory} merges and validates.
 */
@Command(
        name = "consolidate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpWidth = 110,
        headerHeading = "%n",
        header = "Squash a PostgreSQL migration history into one proven baseline, safely and reversibly.",
        synopsisHeading = "%nUsage:%n  ",
        customSynopsis = {
            "consolidate (--plan | --execute | --resume | --rollback [--to STEP] | --status | --check | --restore BACKUP) [OPTIONS]"
        },
        descriptionHeading = "%n",
        description = {
            "The Safe Consolidation Protocol: --plan reads everything and writes nothing to any database; "
                    + "--execute backs production up, replays the history into scratch, writes the baseline, proves "
                    + "catalog parity, archives the old files and writes the migration tool's history row. Every step "
                    + "is checkpointed (--resume) and reversible (--rollback).",
            "",
            "Examples:",
            "  consolidate --plan --dir . --db-url postgresql://postgres@db.example.com:5432/postgres",
            "  consolidate --execute --yes",
            "  consolidate --job jobs/seed-003-supabase-squash.job --plan",
            "  consolidate --plan --no-replay --source production --no-owner --no-data-as-migration",
            "  consolidate --execute --yes --pg-dump --verbose",
            "  consolidate --status --json --no-color",
            "  consolidate --resume",
            "  consolidate --rollback --to archive --yes",
            "  consolidate --check --db-url \"$DATABASE_URL\" --emit-verify-sql verify-schema-sync.sql",
        },
        optionListHeading = "%nModes (exactly one) and options:%n",
        footerHeading = "%nExit codes:%n")
public final class ConsolidateCommand {

    @ArgGroup(exclusive = true, multiplicity = "0..1", order = 1)
    ModeGroup modes;

    static final class ModeGroup {
        @Option(names = "--plan", order = 1, description = "Read the history and production, decide, and write plan.json and PLAN.md. Writes nothing to any database.")
        boolean plan;

        @Option(names = "--execute", order = 2, description = "Run the plan: backup, replay, baseline, parity, archive, history, report.")
        boolean execute;

        @Option(names = "--resume", order = 3, description = "Restart an execution at the step that failed or was interrupted.")
        boolean resume;

        @Option(names = "--rollback", order = 4, description = "Undo completed and partly completed steps, newest first.")
        boolean rollback;

        @Option(names = "--status", order = 5, description = "Show each step's state, timing, what it changed and what its undo would do.")
        boolean status;

        @Option(names = "--check", order = 6, description = "Read-only drift gate for CI: replay the history and compare it with production or --against. Exit 0 when equal, 4 when not.")
        boolean check;

        @Option(names = "--restore", order = 7, paramLabel = "BACKUP", description = "Restore a backup made by --execute into an empty database (--db-url). Example: --restore .consolidate/<plan-id>/backup")
        Path restore;
    }

    @Option(names = "--job", order = 10, paramLabel = "FILE", description = "Read settings from a job file. Example: --job jobs/seed-003-supabase-squash.job")
    Path job;

    @Option(names = "--dir", order = 11, paramLabel = "DIR", description = "Project root (default: .). Example: --dir ~/src/my-app")
    Path dir;

    @Option(names = "--tool", order = 12, paramLabel = "TOOL", description = "auto | supabase | prisma | flyway | dbmate | golang-migrate | sql (default: auto, which says what it found and refuses to guess between two). Example: --tool flyway")
    String tool;

    @Option(names = "--migrations", order = 13, paramLabel = "DIR", description = "The migrations folder when not the tool's default. Example: --migrations db/migrations")
    Path migrations;

    @Option(names = "--db-url", order = 14, paramLabel = "URL", description = "Production: postgresql://USER@HOST:PORT/DB or jdbc:postgresql://... (default: DATABASE_URL, then the PG* variables and ~/.pgpass). Example: --db-url postgresql://postgres@localhost:5432/app")
    String dbUrl;

    @Option(names = "--run-dir", order = 15, paramLabel = "DIR", description = "Where plan, checkpoints, backup and logs go (default: <dir>/.consolidate/<plan-id>). Example: --run-dir /var/tmp/consolidate-run")
    Path runDir;

    @Option(names = "--scratch", order = 16, paramLabel = "SPEC", description = "embedded (default) | url:<server URL> | docker:<image>. Example: --scratch url:postgresql://postgres@localhost:5433/postgres")
    String scratch;

    @Option(names = "--profile", order = 17, paramLabel = "PROFILE", description = "none | supabase (default: from the tool). Example: --profile supabase")
    String profile;

    @Option(names = "--bootstrap", order = 18, paramLabel = "FILE", description = "SQL run in scratch before the first migration (what a start-up script creates). Example: --bootstrap db/init.sql")
    Path bootstrap;

    @Option(names = "--set", order = 19, paramLabel = "NAME=VALUE", description = "A session setting for the replay, repeatable. Example: --set search_path=storage,public")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--source", order = 20, paramLabel = "SOURCE", description = "replay (default) | production: build the baseline from the replayed history or from production's catalog. Example: --source production")
    String source;

    @Option(names = "--backup", order = 21, paramLabel = "KIND", description = "full (default) | schema | none (needs --backup-ref). Example: --backup schema")
    String backup;

    @Option(names = "--backup-ref", order = 22, paramLabel = "TEXT", description = "With --backup none: the backup you took yourself, recorded in the runbooks. Example: --backup-ref \"snapshot rds:app-2026-11-21\"")
    String backupRef;

    @Option(names = "--pg-dump", order = 23, description = "Also write a pg_dump -Fc file when a pg_dump matching the server's major is on PATH.")
    Boolean pgDump;

    @Option(names = "--to", order = 24, paramLabel = "STEP", description = "With --rollback: undo back to (and including) this step. Example: --rollback --to archive")
    String to;

    @Option(names = "--no-owner", order = 25, description = "Leave ownership out of snapshots, diff and baseline (the parity report says so).")
    Boolean noOwner;

    @Option(names = "--target-tool", order = 26, paramLabel = "TOOL", description = "Write the baseline for another tool, with that tool's history row. Example: --target-tool prisma")
    String targetTool;

    @Option(names = "--against", order = 27, paramLabel = "DIR", description = "With --check: compare with another project's history instead of production. Example: --against ../other-app")
    Path against;

    @Option(names = "--against-tool", order = 28, paramLabel = "TOOL", description = "With --against: that history's tool (default: auto). Example: --against-tool prisma")
    String againstTool;

    @Option(names = "--emit-verify-sql", order = 29, paramLabel = "FILE", description = "Write a standalone SQL script a DBA runs with psql to verify a database against the baseline. Example: --emit-verify-sql verify-schema-sync.sql")
    Path emitVerifySql;

    @Option(names = "--baseline-name", order = 30, paramLabel = "NAME", description = "Name for the baseline migration (default: the tool's rule). Example: --baseline-name consolidated_baseline")
    String baselineName;

    @Option(names = "--data-as-migration", negatable = true, order = 32, description = "With --plan: carry the history's data statements as a second migration right after the baseline, which the history step records as applied, so new environments still get the rows (the default for supabase, prisma and dbmate); --no-data-as-migration writes them to a file the tool does not run instead (always so for flyway, golang-migrate and plain folders).")
    Boolean dataAsMigration;

    @Option(names = "--no-replay", order = 31, description = "With --plan: do not replay into scratch (faster; extension availability, replay errors and drift are then found by --execute).")
    Boolean noReplay;

    @Option(names = "--yes", order = 40, description = "Do not ask for confirmation before --execute or --rollback.")
    Boolean yes;

    @Option(names = "--json", order = 41, description = "Print machine-readable JSON on standard output.")
    Boolean json;

    @Option(names = "--verbose", order = 42, description = "Print details, library logs and stack traces.")
    Boolean verbose;

    @Option(names = "--no-color", order = 43, description = "No colour (also when NO_COLOR is set or output is not a terminal).")
    Boolean noColor;

    /** The mode chosen on the command line, or null (then the job file must not choose one either). */
    Mode mode() {
        if (modes == null) {
            return null;
        }
        if (modes.plan) {
            return Mode.PLAN;
        }
        if (modes.execute) {
            return Mode.EXECUTE;
        }
        if (modes.resume) {
            return Mode.RESUME;
        }
        if (modes.rollback) {
            return Mode.ROLLBACK;
        }
        if (modes.status) {
            return Mode.STATUS;
        }
        if (modes.check) {
            return Mode.CHECK;
        }
        if (modes.restore != null) {
            return Mode.RESTORE;
        }
        return null;
    }
}
