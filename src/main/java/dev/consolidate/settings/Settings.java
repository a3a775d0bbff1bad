package dev.consolidate.settings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything one run was told, after the command line and the job file were merged and defaults
 * applied. Nullable fields are those with no default ("not given").
 *
 * @param mode            what to do
 * @param dir             the project root (absolute)
 * @param tool            "auto" or a tool's name
 * @param migrations      the migrations folder when not the tool's default, else null
 * @param dbUrl           production's address as given (may hold a password: never print it), else null
 * @param productionStandIn true when the job declares "production = embedded"
 * @param productionSeed  SQL applied to the stand-in after its history, else null
 * @param runDir          the run folder when given, else null (then the plan decides)
 * @param scratch         "embedded", "url:..." or "docker:..."
 * @param profile         "none", "supabase", or null for the tool's default
 * @param bootstrap       SQL run before the first migration in scratch, else null
 * @param sessionSettings session settings for replay (name to value), in given order
 * @param json            print machine-readable output
 * @param verbose         print details and stack traces
 * @param color           use colour in terminal output
 * @param yes             do not ask for confirmation
 * @param source          "replay" or "production": where the baseline comes from
 * @param backup          "full", "schema" or "none"
 * @param backupRef       the user's own backup, required with backup none
 * @param pgDump          also write a pg_dump -Fc file when a matching pg_dump exists
 * @param rollbackTo      with --rollback: the step to roll back to, else null (all)
 * @param noOwner         leave ownership out of snapshot, diff and baseline
 * @param targetTool      write the baseline for another tool, else null
 * @param against         with --check: another history to compare with, else null
 * @param againstTool     the other history's tool ("auto" by default)
 * @param emitVerifySql   write a standalone verify script there, else null
 * @param baselineName    the user's name for the baseline, else null
 * @param restoreBackup   with --restore: the backup to restore, else null
 * @param noReplay        with --plan: skip the scratch replay
 * @param copyFrom        a project copied into dir when dir does not exist, else null
 * @param jobFile         the job file read, else null
 * @param dataAsMigration carry the history's data statements as a second migration marked applied (true), as a
 *                        file the tool does not run (false), or as the target tool can record them (null)
 */
public record Settings(
        Mode mode,
        Path dir,
        String tool,
        Path migrations,
        String dbUrl,
        boolean productionStandIn,
        Path productionSeed,
        Path runDir,
        String scratch,
        String profile,
        Path bootstrap,
        Map<String, String> sessionSettings,
        boolean json,
        boolean verbose,
        boolean color,
        boolean yes,
        String source,
        String backup,
        String backupRef,
        boolean pgDump,
        String rollbackTo,
        boolean noOwner,
        String targetTool,
        Path against,
        String againstTool,
        Path emitVerifySql,
        String baselineName,
        Path restoreBackup,
        boolean noReplay,
        Path copyFrom,
        Path jobFile,
        Boolean dataAsMigration) {

    public Settings {
        sessionSettings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sessionSettings));
    }

    /** Settings leaving the data file to the tool's default. */
    public Settings(Mode mode, Path dir, String tool, Path migrations, String dbUrl, boolean productionStandIn,
                    Path productionSeed, Path runDir, String scratch, String profile, Path bootstrap,
                    Map<String, String> sessionSettings, boolean json, boolean verbose, boolean color, boolean yes,
                    String source, String backup, String backupRef, boolean pgDump, String rollbackTo, boolean noOwner,
                    String targetTool, Path against, String againstTool, Path emitVerifySql, String baselineName,
                    Path restoreBackup, boolean noReplay, Path copyFrom, Path jobFile) {
        this(mode, dir, tool, migrations, dbUrl, productionStandIn, productionSeed, runDir, scratch, profile, bootstrap,
                sessionSettings, json, verbose, color, yes, source, backup, backupRef, pgDump, rollbackTo, noOwner, targetTool,
                against, againstTool, emitVerifySql, baselineName, restoreBackup, noReplay, copyFrom, jobFile, null);
    }
}
