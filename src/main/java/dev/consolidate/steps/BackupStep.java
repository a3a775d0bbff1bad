package dev.consolidate.steps;

import dev.consolidate.backup.BackupLocation;
import dev.consolidate.backup.CatalogSchemaSource;
import dev.consolidate.catalog.ddl.BaselineOptions;
import dev.consolidate.catalog.ddl.BaselineWriter;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.parity.EnvironmentCapture;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.catalog.scope.Scope;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.backup.BackupMode;
import dev.consolidate.backup.BackupRequest;
import dev.consolidate.backup.BackupResult;
import dev.consolidate.backup.BackupVerifier;
import dev.consolidate.backup.BackupWriter;
import dev.consolidate.backup.HistoryRows;
import dev.consolidate.backup.ProgressListener;
import dev.consolidate.backup.SchemaSource;
import dev.consolidate.backup.TableName;
import dev.consolidate.fs.Sha256;
import dev.consolidate.history.HistoryRow;
import dev.consolidate.history.HistorySnapshot;
import dev.consolidate.history.ToolAdapter;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.plan.ProductionSource;
import dev.consolidate.problem.Problem;
import dev.consolidate.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * Step 2. A verified backup of production: schema, the history rows and (unless --backup schema)
 * every row, streamed with COPY, restored into scratch and compared before the step may
 * complete. Its undo keeps it: it is what disaster recovery restores.
 */
public final class BackupStep implements ProtocolStep {
    private final RunInputs in;
    private final ToolRegistry tools;
    private final ProductionSource production;
    private final ScratchAccess scratch;
    private final EnvironmentCapture capture;
    private final CatalogReader reader;

    public BackupStep(RunInputs in, ToolRegistry tools, ProductionSource production, ScratchAccess scratch,
                      EnvironmentCapture capture, CatalogReader reader) {
        this.in = in;
        this.tools = tools;
        this.production = production;
        this.scratch = scratch;
        this.capture = capture;
        this.reader = reader;
    }

    /**
     * Everything outside the system schemas, platform schemas included: a restore must be able to
     * rebuild production in an empty database, so nothing is left out as "environment".
     */
    private SchemaSource schema() {
        Snapshot empty = capture.capture(scratch.server(), EnvironmentSpec.none()).snapshot();
        return new CatalogSchemaSource(reader, Scope.plain(empty), new BaselineWriter(in.clock()),
                BaselineOptions.of("backup of " + in.plan().production().address()));
    }

    @Override
    public StepName name() {
        return StepName.BACKUP;
    }

    @Override
    public Progress execute(StepContext ctx) throws Exception {
        Journal j = ctx.journal();
        j.record("started", in.clock().instant().toString());
        Path dir = backupFolder(j);
        BackupLocation done = completed(dir);
        if (done == null) {
            Settings s = in.settings();
            BackupRequest request = request(dir, s).withHistory(historyRows());
            ProgressListener listener = new ProgressListener() {
                @Override
                public void tableDone(int n, int total, TableName table, long rows, long bytes) {
                    ctx.progress("table " + n + "/" + total + " " + table);
                }

                @Override
                public void phase(Phase phase) {
                    ctx.progress(phase.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                }
            };
            ctx.faultPoint("backup:before-write");
            BackupResult result = new BackupWriter(production.access()::openReadOnly, schema(), scratch.server(), in.clock(), listener)
                    .write(request);
            done = BackupLocation.resolve(result.manifestFile());
        }
        j.record("mode", done.manifest().mode());
        j.record("manifest", in.projectRoot().relativize(done.manifestFile()).toString());
        j.record("manifestSha256", Sha256.ofFile(done.manifestFile()));
        if (done.archiveFile() != null) {
            j.record("archive", in.projectRoot().relativize(done.archiveFile()).toString());
            j.record("archiveBytes", Long.toString(Files.size(done.archiveFile())));
        }
        if (done.manifest().reference() != null) {
            j.record("reference", done.manifest().reference());
        }
        return Progress.DONE;
    }

    /**
     * This attempt's backup folder, chosen once and journaled: a resumed run finds its own backup
     * again, while a new attempt (after a rollback) never reuses an older one, since production may
     * have changed since.
     */
    private Path backupFolder(Journal j) throws java.io.IOException {
        if (j.get("folder").isPresent()) {
            return in.projectRoot().resolve(j.get("folder").get());
        }
        Path dir = in.runFolder().backup();
        for (int n = 2; Files.exists(dir) && !isEmpty(dir); n++) {
            dir = in.runFolder().root().resolve("backup-" + n);
        }
        j.record("folder", in.projectRoot().relativize(dir).toString());
        return dir;
    }

    private static boolean isEmpty(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** A backup an earlier, interrupted run of this step completed (its manifest is in place): checked, then kept. */
    private BackupLocation completed(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        BackupLocation loc;
        try {
            loc = BackupLocation.resolve(dir);
        } catch (RuntimeException notComplete) {
            return null;
        }
        if (loc.archiveFile() != null && !new BackupVerifier(ProgressListener.NONE).checkArchive(dir).intact()) {
            throw Problem.stepFailed("The backup an earlier run completed in " + dir + " is damaged.")
                    .why("Its archive no longer matches its manifest (a file was changed or truncated since).")
                    .fix("Move the folder " + dir + " aside (keep it for inspection), then run --resume to take a new backup.")
                    .state("Production was only read; nothing else was changed by this step.")
                    .build();
        }
        return loc;
    }

    private BackupRequest request(Path dir, Settings s) {
        BackupMode mode = BackupMode.fromLabel(s.backup());
        BackupRequest r = switch (mode) {
            case FULL -> BackupRequest.full(dir);
            case SCHEMA_ONLY -> BackupRequest.schemaOnly(dir);
            case NONE -> BackupRequest.none(dir, s.backupRef());
        };
        if (s.pgDump()) {
            r = r.withPgDump(production.access().spec());
        }
        return r;
    }

    private HistoryRows historyRows() throws Exception {
        ToolAdapter source = tools.adapter(in.plan().project().tool());
        if (source.defaultHistoryTable().isEmpty()) {
            return HistoryRows.none();
        }
        try (Connection c = production.access().openReadOnly()) {
            HistorySnapshot h = source.readHistory(c, source.defaultHistoryTable().get());
            if (!h.present()) {
                return HistoryRows.none();
            }
            List<String> rows = h.rows().stream().map(HistoryRow::json).toList();
            return new HistoryRows(new TableName(h.table().schema(), h.table().name()), rows);
        }
    }

    @Override
    public void compensate(StepContext ctx) {
        // The backup is kept: it is what disaster recovery restores.
    }

    @Override
    public String describeDone(StepContext ctx) {
        Journal j = ctx.journalOf(name());
        if (j.get("mode").isEmpty()) {
            return "";
        }
        if ("none".equals(j.get("mode").get())) {
            return "No backup by the tool: the user's own backup is \"" + j.get("reference").orElse("?") + "\".";
        }
        return "Backed up production (" + j.get("mode").get() + ") into " + j.get("archive").orElse("?") + " ("
                + j.get("archiveBytes").orElse("?") + " bytes), restored it into scratch and found every table equal to the "
                + "manifest " + j.get("manifest").orElse("") + ".";
    }

    @Override
    public String describeUndo(StepContext ctx) {
        return "Keeps the backup: it is what disaster recovery restores (consolidate --restore "
                + ctx.journalOf(name()).get("manifest").orElse("<run folder>/backup") + " --db-url <an empty database>).";
    }
}
