package dev.consolidate.history;

import java.util.Objects;

/**
 * A file a tool keeps beside its migrations, written as the tool writes it when a baseline lands
 * in a folder that lacks it (Prisma's migration_lock.toml).
 *
 * @param path relative to the project root, '/'-separated
 * @param text the file's content, as the tool writes it
 * @param why  what the tool uses it for, for the plan and the step's description
 */
public record LayoutFile(String path, String text, String why) {
    public LayoutFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(why, "why");
    }
}
