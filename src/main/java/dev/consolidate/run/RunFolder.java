package dev.consolidate.run;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run folder of one plan (default {@code <project>/.consolidate/<plan-id>/}): plan, checkpoint
 * state, backup, bundle, logs. Checkpoint state lives here, never in the database being consolidated.
 */
public record RunFolder(Path root) {
    /** The folder under the project root that holds every run folder. */
    public static final String PARENT = ".consolidate";

    public static RunFolder defaultFor(Path projectRoot, String planId) {
        return new RunFolder(projectRoot.resolve(PARENT).resolve(planId));
    }

    public Path planJson() {
        return root.resolve("plan.json");
    }

    public Path planMarkdown() {
        return root.resolve("PLAN.md");
    }

    /** Job repository and lock file. */
    public Path state() {
        return root.resolve("state");
    }

    public Path lockFile() {
        return state().resolve("lock");
    }

    public Path backup() {
        return root.resolve("backup");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** Files the steps keep for their undo (saved history rows, snapshots, bundle). */
    public Path artifacts() {
        return root.resolve("artifacts");
    }

    public boolean hasPlan() {
        return Files.isRegularFile(planJson());
    }
}
