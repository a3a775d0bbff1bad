package dev.consolidate.plan;

import dev.consolidate.carry.CarryDecision;
import dev.consolidate.carry.CarryRule;
import dev.consolidate.carry.DataFile;
import dev.consolidate.carry.DataMigrationChange;
import dev.consolidate.carry.HistoryStatement;
import dev.consolidate.fs.Sha256;
import dev.consolidate.history.BaselineIdentity;
import dev.consolidate.history.BaselineRequest;
import dev.consolidate.history.Classification;
import dev.consolidate.history.DeterministicIds;
import dev.consolidate.history.HistoryChange;
import dev.consolidate.history.HistoryChangeRequest;
import dev.consolidate.history.HistoryRow;
import dev.consolidate.history.HistorySnapshot;
import dev.consolidate.history.HistoryTable;
import dev.consolidate.history.Migration;
import dev.consolidate.history.MigrationSet;
import dev.consolidate.history.MigrationState;
import dev.consolidate.history.MigrationStatus;
import dev.consolidate.history.ResolvedProject;
import dev.consolidate.history.Tool;
import dev.consolidate.history.ToolAdapter;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.problem.Problem;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.replay.MigrationPreparer;
import dev.consolidate.replay.PreparedMigration;
import dev.consolidate.settings.Settings;
import dev.consolidate.sql.DataChange;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.sql.Statement;
import dev.consolidate.sql.StatementTrait;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Step 0 of the protocol: reads the history files and production's history table (through a
 * read-only session), classifies every migration, chooses the baseline by the target tool's
 * rules and names everything the execution would change. Writes nothing anywhere; the caller
 * writes the plan's own files.
 */
public final class Planner {
    private static final CarryRule CARRY = new CarryRule();

    private final ToolRegistry tools;
    private final SqlSplitter splitter;
    private final Clock clock;

    public Planner(ToolRegistry tools, SqlSplitter splitter, Clock clock) {
        this.tools = tools;
        this.splitter = splitter;
        this.clock = clock;
    }

    /** The analysis before any scratch work: everything the plan says that needs no replay. */
    public record Analysis(Settings settings, ResolvedProject project, MigrationSet migrations, ToolAdapter target,
                           String targetFolder, HistorySnapshot sourceHistory, HistorySnapshot targetHistory,
                           Classification classification, BaselineIdentity baseline, HistoryChange historyPreview,
                           List<PreparedMigration> prepared, EnvironmentSpec environment, String serverVersion,
                           int serverMajor, String fingerprint, List<String> notes) {
    }

    public Analysis analyse(Settings s, ProductionSource production) {
        ResolvedProject project = tools.resolve(s.dir(), s.tool(), s.migrations());
        MigrationSet set = project.discover();
        ToolAdapter source = project.adapter();
        ToolAdapter target = s.targetTool() == null ? source : tools.adapter(s.targetTool());
        TargetFolder.Choice targetChoice = TargetFolder.of(target, project, set);
        String targetFolder = targetChoice.folder();

        ServerFacts facts = readProduction(production.access(), source, target);
        HistorySnapshot sourceHistory = facts.source();
        HistorySnapshot targetHistory = target == source ? sourceHistory : facts.target();
        String address = production.access().spec().redacted();
        if (sourceHistory != null && !sourceHistory.present()) {
            PlanRefusal.refuseAbsentHistory(source.tool(), sourceHistory, address);
        }
        Classification classification = source.classify(set, sourceHistory == null
                ? HistorySnapshot.absent(new HistoryTable(null, "none"), facts.user(), false) : sourceHistory);
        PlanRefusal.refuseUnlessConsistent(source.tool(), classification);

        List<String> notes = new ArrayList<>(classification.notes());
        if (classification.count(MigrationState.NOT_TRACKED) > 0) {
            notes.add("A plain folder keeps no history table: all " + set.migrations().size()
                    + " files are taken as applied in production.");
        }
        set.ignored().forEach(i -> notes.add("Not a migration, left in place: " + i.path() + " (" + i.reason() + ")."));
        if (targetChoice.how() != null) {
            notes.add(targetChoice.how());
        }
        target.layoutFiles(targetFolder).stream()
                .filter(f -> !java.nio.file.Files.exists(project.projectRoot().resolve(f.path())))
                .forEach(f -> notes.add(f.path() + " is absent: the baseline step writes it as " + target.tool()
                        + " does (" + f.why() + "); --rollback deletes it."));

        HistorySnapshot forBaseline = targetHistory != null ? targetHistory
                : HistorySnapshot.absent(new HistoryTable(null, "none"), facts.user(), false);
        BaselineIdentity baseline = target.baseline(new BaselineRequest(set, targetHistory, targetFolder, s.baselineName(), clock));
        if (Boolean.TRUE.equals(s.dataAsMigration())) {
            DataFile.of(target.tool(), targetFolder, baseline, true);
        }
        HistoryChange preview = target.defaultHistoryTable().isEmpty() ? null
                : target.historyChange(new HistoryChangeRequest(baseline, new byte[0], set, forBaseline, clock,
                        new DeterministicIds("preview")));

        List<PreparedMigration> prepared = new ArrayList<>(set.migrations().size());
        MigrationPreparer preparer = new MigrationPreparer(splitter);
        for (Migration m : set.migrations()) {
            prepared.add(preparer.prepare(m));
        }
        EnvironmentSpec env = EnvironmentSpec.of(s.profile(), source.tool(), s.bootstrap(), project.projectRoot(),
                s.sessionSettings());
        String fingerprint = Fingerprint.of(set.migrations(), rowsOf(sourceHistory, targetHistory),
                decidingSettings(s, project, target, targetFolder, env));
        return new Analysis(s, project, set, target, targetFolder, sourceHistory, targetHistory, classification, baseline,
                preview, prepared, env, facts.version(), facts.major(), fingerprint, notes);
    }

    /** The plan document from an analysis and what the scratch work found (null values when none was done). */
    public Plan toPlan(Analysis a, ProductionSource production, Plan.ScratchInfo scratch, Map<String, Boolean> extensionAvailability,
                       Plan.Drift drift, List<String> extraNotes) {
        Settings s = a.settings();
        List<Plan.FileEntry> files = new ArrayList<>();
        Map<Migration, MigrationStatus> statusOf = new LinkedHashMap<>();
        a.classification().entries().stream().filter(e -> e.migration() != null).forEach(e -> statusOf.put(e.migration(), e));
        for (Migration m : a.migrations().migrations()) {
            MigrationStatus st = statusOf.get(m);
            files.add(new Plan.FileEntry(m.path(), m.version(), m.description(), m.kind().name().toLowerCase(java.util.Locale.ROOT),
                    m.sha256(), m.checksum(), st == null ? "unknown" : state(st.state()), st == null ? "" : st.detail()));
        }
        List<Plan.RowEntry> rows = new ArrayList<>();
        if (a.sourceHistory() != null) {
            for (HistoryRow r : a.sourceHistory().rows()) {
                String state = a.classification().entries().stream().filter(e -> e.row() == r).findFirst()
                        .map(e -> state(e.state())).orElse("ignored by the tool");
                rows.add(new Plan.RowEntry(r.key(), r.version(), r.name(), r.kind().name().toLowerCase(java.util.Locale.ROOT),
                        state, Sha256.hex(r.json())));
            }
        }
        Map<String, String> extensionsAt = new TreeMap<>();
        List<Plan.DataStatement> data = new ArrayList<>();
        List<HistoryStatement> history = new ArrayList<>();
        for (PreparedMigration p : a.prepared()) {
            for (Statement st : p.statements()) {
                if (st.has(StatementTrait.CREATE_EXTENSION) && st.extension() != null) {
                    extensionsAt.putIfAbsent(st.extension(), p.migration().path() + ":" + st.line());
                }
                history.add(new HistoryStatement(p.migration().path(), st));
            }
        }
        java.util.Iterator<CarryDecision> decisions = CARRY.decide(history).iterator();
        for (HistoryStatement h : history) {
            if (h.statement().has(StatementTrait.DATA_CHANGE)) {
                CarryDecision decision = decisions.next();
                DataChange.of(h.statement()).ifPresent(d -> data.add(new Plan.DataStatement(h.path(), h.line(), d.command(),
                        d.target(), decision.carried(), decision.reason())));
            }
        }
        List<Plan.ExtensionEntry> extensions = new ArrayList<>();
        extensionsAt.forEach((name, at) -> extensions.add(new Plan.ExtensionEntry(name, at,
                extensionAvailability == null ? null : extensionAvailability.getOrDefault(name, Boolean.FALSE))));
        DataFile dataFile = DataFile.of(a.target().tool(), a.targetFolder(), a.baseline(), dataAsMigration(s, a.target().tool()));
        if (!data.isEmpty()) {
            long carried = data.stream().filter(Plan.DataStatement::carried).count();
            extraNotes = new ArrayList<>(extraNotes);
            extraNotes.add(data.size() + (data.size() == 1 ? " statement" : " statements")
                    + " in the history change rows (listed under \"Data statements\"): " + carried + " carried into "
                    + dataFile.path() + ", "
                    + (data.size() - carried)
                    + " reported; review whether new environments need those rows.");
        }
        TreeSet<String> notes = new TreeSet<>(a.notes());
        notes.addAll(extraNotes);
        List<String> code = CodeMigrations.find(a.project().projectRoot(), a.migrations(), a.sourceHistory());
        if (!code.isEmpty()) {
            notes.add(code.size() + " code migration" + (code.size() == 1 ? "" : "s")
                    + " found: an SQL replay cannot see what they did, so parity does not cover them.");
        }
        HistoryChange hc = a.historyPreview();
        Plan.HistoryChangePreview preview = hc == null ? null : new Plan.HistoryChangePreview(hc.table().toString(),
                hc.description(), a.sourceHistory() == null ? List.of() : retiredKeys(hc, a.sourceHistory(), a.targetHistory()),
                List.of(a.baseline().version() + (a.baseline().name() == null ? "" : " " + a.baseline().name())
                        + " (checksum and statements from the baseline file)"));
        if (preview != null && dataFile.isMigration() && data.stream().anyMatch(Plan.DataStatement::carried)) {
            List<String> description = new ArrayList<>(preview.description());
            description.add(DataMigrationChange.describeInsert(dataFile));
            List<String> write = new ArrayList<>(preview.write());
            write.add(DataMigrationChange.rowLabel(dataFile) + " (checksum and statements from the data file)");
            preview = new Plan.HistoryChangePreview(preview.table(), description, preview.retire(), write);
        }
        Plan.Project project = new Plan.Project(a.project().projectRoot().toString(), a.project().tool().cliName(),
                a.migrations().folder(), a.project().how(), a.target().tool().cliName(), a.targetFolder(),
                a.environment().profile().map(pr -> pr.name()).orElse("none"),
                a.environment().bootstrap().map(b -> a.environment().bootstrapLabel()).orElse(null),
                a.environment().bootstrap().map(b -> Sha256.ofFile(b)).orElse(null), s.sessionSettings(), s.baselineName(),
                s.noOwner(), dataFile.isMigration());
        HistoryTable table = a.sourceHistory() == null ? null : a.sourceHistory().table();
        Plan.ProductionInfo prod = new Plan.ProductionInfo(production.access().spec().redacted(), a.serverVersion(),
                table == null ? null : table.toString(), a.sourceHistory() != null && a.sourceHistory().present(),
                production.standIn());
        return new Plan(Plan.FORMAT, Fingerprint.planId(a.fingerprint()), a.fingerprint(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), project,
                prod, scratch, s.source(), files, rows, a.baseline(),
                new Plan.Archive(a.baseline().archiveFolder(), a.migrations().migrations().stream().map(Migration::path).toList()),
                preview, extensions, data, code, List.copyOf(notes), drift);
    }

    private static List<String> retiredKeys(HistoryChange hc, HistorySnapshot source, HistorySnapshot target) {
        HistorySnapshot h = target != null ? target : source;
        List<String> keys = new ArrayList<>();
        for (String json : hc.retire()) {
            h.rows().stream().filter(r -> r.json().equals(json)).findFirst().ifPresent(r -> keys.add(r.label()));
        }
        return keys;
    }

    private static String state(MigrationState st) {
        return st.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static List<HistoryRow> rowsOf(HistorySnapshot source, HistorySnapshot target) {
        List<HistoryRow> rows = new ArrayList<>();
        if (source != null) {
            rows.addAll(source.rows());
        }
        if (target != null && target != source) {
            rows.addAll(target.rows());
        }
        return rows;
    }

    /** Whether carried data becomes a migration: as asked, else where the tool can record one as applied. */
    private static boolean dataAsMigration(Settings s, Tool tool) {
        return s.dataAsMigration() != null ? s.dataAsMigration() : DataFile.migrationByDefault(tool);
    }

    private static Map<String, String> decidingSettings(Settings s, ResolvedProject project, ToolAdapter target, String targetFolder,
                                                        EnvironmentSpec env) {
        Map<String, String> m = new TreeMap<>();
        m.put("root", project.projectRoot().toString());
        m.put("tool", project.tool().cliName());
        m.put("folder", project.relativeFolder());
        m.put("target", target.tool().cliName());
        if (target.tool() != project.tool()) {
            m.put("targetFolder", targetFolder);
        }
        m.put("profile", env.profile().map(p -> p.name()).orElse("none"));
        m.put("bootstrap", env.bootstrap().map(Sha256::ofFile).orElse(null));
        m.put("session", env.sessionSettings().toString());
        m.put("source", s.source());
        m.put("baselineName", s.baselineName());
        m.put("noOwner", Boolean.toString(s.noOwner()));
        boolean asMigration = dataAsMigration(s, target.tool());
        if (asMigration != DataFile.migrationByDefault(target.tool())) {
            m.put("dataAsMigration", Boolean.toString(asMigration));
        }
        return m;
    }

    private record ServerFacts(String version, int major, String user, HistorySnapshot source, HistorySnapshot target) {
    }

    private ServerFacts readProduction(dev.consolidate.db.Production production, ToolAdapter source, ToolAdapter target) {
        try (Connection c = production.openReadOnly()) {
            String version;
            int major;
            String user;
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT current_setting('server_version'), current_setting('server_version_num')::int / 10000, current_user")) {
                rs.next();
                version = rs.getString(1).split(" ")[0];
                major = rs.getInt(2);
                user = rs.getString(3);
            }
            HistorySnapshot src = source.defaultHistoryTable().map(t -> source.readHistory(c, t)).orElse(null);
            HistorySnapshot tgt = target == source ? src
                    : target.defaultHistoryTable().map(t -> target.readHistory(c, t)).orElse(null);
            return new ServerFacts(version, major, user, src, tgt);
        } catch (SQLException e) {
            throw Problem.precondition("Reading production failed: " + e.getMessage())
                    .why("the plan reads the server version and the history table through a read-only session.")
                    .fix("Check the role's permissions on the history table.")
                    .state("Nothing was changed.")
                    .cause(e)
                    .build();
        }
    }
}
