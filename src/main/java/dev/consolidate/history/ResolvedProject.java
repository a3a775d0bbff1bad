package dev.consolidate.history;

import java.nio.file.Path;

/**
 * The tool and migrations folder a run works on.
 *
 * @param adapter     the tool's adapter
 * @param projectRoot the project root (absolute)
 * @param folder      the migrations folder (absolute)
 * @param how         how they were chosen, for the plan ("--tool prisma, default folder prisma/migrations",
 *                    "detected: Flyway in ... (12 files named ...)")
 */
public record ResolvedProject(ToolAdapter adapter, Path projectRoot, Path folder, String how) {
    public Tool tool() {
        return adapter.tool();
    }

    /** The folder relative to the project root, '/'-separated. */
    public String relativeFolder() {
        return projectRoot.relativize(folder).toString().replace('\\', '/');
    }

    public MigrationSet discover() {
        return adapter.discover(projectRoot, folder);
    }
}
