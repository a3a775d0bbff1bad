package dev.consolidate.check;

import dev.consolidate.history.HistoryTable;
import dev.consolidate.history.MigrationSet;
import dev.consolidate.history.ResolvedProject;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.replay.EnvironmentSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One history a check replays: its project, its migrations in the tool's order, the environment
 * it runs on and the tool's own history table (never part of a compared catalog).
 *
 * @param label         how reports name it: "{project folder}/{migrations folder} ({tool})"
 * @param project       the resolved project
 * @param migrations    the migrations, in the tool's order
 * @param environment   what the scratch database holds before the first migration
 * @param historyTables the tool's history table ("schema.table"), when it keeps one
 */
public record HistoryInput(String label, ResolvedProject project, MigrationSet migrations, EnvironmentSpec environment,
                           List<String> historyTables) {

    public HistoryInput {
        historyTables = List.copyOf(historyTables);
    }

    /**
     * Resolves and reads a project's history; touches no database.
     *
     * @param profileOption {@code --profile} ("none", a name) or null for the tool's default
     * @param bootstrap     {@code --bootstrap} or null
     */
    public static HistoryInput resolve(ToolRegistry tools, Path dir, String tool, Path migrationsFolder, String profileOption,
                                       Path bootstrap, Map<String, String> sessionSettings) {
        ResolvedProject project = tools.resolve(dir, tool, migrationsFolder);
        MigrationSet set = project.discover();
        EnvironmentSpec env = EnvironmentSpec.of(profileOption, project.tool(), bootstrap, project.projectRoot(), sessionSettings);
        List<String> tables = new ArrayList<>();
        project.adapter().defaultHistoryTable().ifPresent(t -> tables.add(qualified(t)));
        return new HistoryInput(label(project), project, set, env, tables);
    }

    /** "profile supabase", "no profile", plus the bootstrap file when there is one. */
    public String environmentDescription() {
        String profile = environment.profile().map(p -> "profile " + p.name()).orElse("no profile");
        return environment.bootstrap().isPresent() ? profile + ", bootstrap " + environment.bootstrapLabel() : profile;
    }

    private static String label(ResolvedProject p) {
        Path name = p.projectRoot().getFileName();
        String folder = p.relativeFolder();
        String root = name == null ? p.projectRoot().toString() : name.toString();
        return (folder.isEmpty() ? root : root + "/" + folder) + " (" + p.tool().cliName() + ")";
    }

    /** A table in the connection's current schema is, on a fresh database, in public. */
    private static String qualified(HistoryTable t) {
        return (t.schema() == null ? "public" : t.schema()) + "." + t.name();
    }
}
