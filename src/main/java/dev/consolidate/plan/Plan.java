package dev.consolidate.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.consolidate.history.BaselineIdentity;
import java.util.List;
import java.util.Map;

/**
 * What --plan decided, as written to plan.json and rendered into PLAN.md. --execute reads it back
 * and re-checks {@link #fingerprint} before doing anything.
 *
 * @param format        the plan.json format version
 * @param planId        the plan's id (a prefix of the fingerprint): its run folder's name
 * @param fingerprint   SHA-256 over the files, the history rows and the settings the plan depends on
 * @param createdAt     when it was made (ISO-8601, from the run's clock)
 * @param project       the project and how its tool was chosen
 * @param production    production as read (address without password)
 * @param scratch       the scratch server the replay would use
 * @param source        where the baseline comes from: "replay" or "production"
 * @param migrations    every file, in the tool's order, with its standing
 * @param historyRows   every history row with its standing and hash
 * @param baseline      the baseline's identity by the target tool's rules
 * @param archive       the files to be archived and where
 * @param historyChange the rows to be written and retired in production
 * @param extensions    the extensions the history creates, and whether scratch has them
 * @param dataStatements statements that change rows: a schema baseline alone would drop them
 * @param codeMigrations migrations written as code, which an SQL replay cannot see
 * @param notes         everything else the reader must know, sorted
 * @param drift         production against the replayed history, or null when not compared
 */
@JsonPropertyOrder({"format", "planId", "fingerprint", "createdAt", "project", "production", "scratch", "source",
    "migrations", "historyRows", "baseline", "archive", "historyChange", "extensions", "dataStatements",
    "codeMigrations", "notes", "drift"})
public record Plan(
        int format,
        String planId,
        String fingerprint,
        String createdAt,
        Project project,
        ProductionInfo production,
        ScratchInfo scratch,
        String source,
        List<FileEntry> migrations,
        List<RowEntry> historyRows,
        BaselineIdentity baseline,
        Archive archive,
        HistoryChangePreview historyChange,
        List<ExtensionEntry> extensions,
        List<DataStatement> dataStatements,
        List<String> codeMigrations,
        List<String> notes,
        Drift drift) {

    public static final int FORMAT = 1;

    /**
     * @param root            the project root (absolute)
     * @param tool            the history's tool
     * @param folder          its migrations folder, relative to the root
     * @param chosenBy        how tool and folder were chosen
     * @param targetTool      the tool the baseline is written for (the same unless converting)
     * @param targetFolder    the target's migrations folder
     * @param profile         the environment profile ("none" or "supabase")
     * @param bootstrap       the bootstrap file (relative to the root when inside it) or null
     * @param bootstrapSha256 its hash, or null
     * @param sessionSettings session settings for replay
     * @param baselineName    the user's baseline name, or null
     * @param noOwner         whether ownership is left out
     * @param dataAsMigration whether carried data becomes a second migration marked applied (--data-as-migration)
     */
    @JsonPropertyOrder({"root", "tool", "folder", "chosenBy", "targetTool", "targetFolder", "profile", "bootstrap",
        "bootstrapSha256", "sessionSettings", "baselineName", "noOwner", "dataAsMigration"})
    public record Project(String root, String tool, String folder, String chosenBy, String targetTool, String targetFolder,
                          String profile, String bootstrap, String bootstrapSha256, Map<String, String> sessionSettings,
                          String baselineName, boolean noOwner, boolean dataAsMigration) {
        @com.fasterxml.jackson.annotation.JsonCreator
        public Project {
        }

        /** A project whose carried data is a file the tool does not run. */
        public Project(String root, String tool, String folder, String chosenBy, String targetTool, String targetFolder,
                       String profile, String bootstrap, String bootstrapSha256, Map<String, String> sessionSettings,
                       String baselineName, boolean noOwner) {
            this(root, tool, folder, chosenBy, targetTool, targetFolder, profile, bootstrap, bootstrapSha256, sessionSettings,
                    baselineName, noOwner, false);
        }
    }

    /**
     * @param address       postgresql://user@host:port/db (never a password)
     * @param serverVersion e.g. "15.14"
     * @param historyTable  the source tool's history table, or null for a plain folder
     * @param historyPresent whether it exists
     * @param standIn       true when production is the job's embedded stand-in
     */
    @JsonPropertyOrder({"address", "serverVersion", "historyTable", "historyPresent", "standIn"})
    public record ProductionInfo(String address, String serverVersion, String historyTable, boolean historyPresent,
                                 boolean standIn) {
    }

    /** @param spec the --scratch value; {@code description} and notices are filled when the server was opened. */
    @JsonPropertyOrder({"spec", "description", "notices"})
    public record ScratchInfo(String spec, String description, List<String> notices) {
    }

    @JsonPropertyOrder({"path", "version", "name", "kind", "sha256", "checksum", "state", "detail"})
    public record FileEntry(String path, String version, String name, String kind, String sha256, String checksum,
                            String state, String detail) {
    }

    @JsonPropertyOrder({"key", "version", "name", "kind", "state", "sha256"})
    public record RowEntry(String key, String version, String name, String kind, String state, String sha256) {
    }

    @JsonPropertyOrder({"folder", "files"})
    public record Archive(String folder, List<String> files) {
    }

    /**
     * @param table       the history table written
     * @param description what the change does, one sentence each
     * @param retire      keys of the rows retired (saved first, restored on undo)
     * @param write       what is written (the baseline row's checksum and statements come from the baseline file)
     */
    @JsonPropertyOrder({"table", "description", "retire", "write"})
    public record HistoryChangePreview(String table, List<String> description, List<String> retire, List<String> write) {
    }

    @JsonPropertyOrder({"name", "createdAt", "availableOnScratch"})
    public record ExtensionEntry(String name, String createdAt, Boolean availableOnScratch) {
    }

    /**
     * @param command INSERT, UPDATE, DELETE, MERGE, TRUNCATE or COPY; {@code target} the relation, when readable
     * @param carried true when the baseline step carries it into the data file beside the baseline
     * @param reason  why it is reported instead of carried (never its text); null when carried
     */
    @JsonPropertyOrder({"path", "line", "command", "target", "carried", "reason"})
    public record DataStatement(String path, int line, String command, String target, boolean carried, String reason) {
    }

    /**
     * @param compared       true when the history was replayed and compared with production
     * @param equal          no difference
     * @param onlyInProduction objects production has and the history does not build
     * @param onlyInHistory  objects the history builds and production lacks
     * @param different      objects both have, differing (with the fields)
     * @param note           why it was not compared, or what the comparison covered
     */
    @JsonPropertyOrder({"compared", "equal", "onlyInProduction", "onlyInHistory", "different", "note"})
    public record Drift(boolean compared, boolean equal, List<String> onlyInProduction, List<String> onlyInHistory,
                        List<String> different, String note) {
    }
}
