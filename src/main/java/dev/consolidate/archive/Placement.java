package dev.consolidate.archive;

import dev.consolidate.fs.Sha256;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where one file of a move stands, judged by existence and hash at both ends: what a resumed move
 * (or undo) finds after a crash at any point. Copies write a temporary sibling and rename it, so an
 * end that exists is whole; a file at both ends with the expected bytes is a copy across file
 * systems that stopped before deleting its source.
 *
 * @param from     the end the file leaves
 * @param fromSame whether {@code from} holds the expected bytes (false when absent)
 * @param to       the end the file goes to
 * @param toSame   whether {@code to} holds the expected bytes (false when absent)
 */
public record Placement(boolean from, boolean fromSame, boolean to, boolean toSame) {

    public static Placement of(Path from, Path to, String sha256) {
        boolean f = Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS);
        boolean t = Files.isRegularFile(to, LinkOption.NOFOLLOW_LINKS);
        return new Placement(f, f && Sha256.ofFile(from).equals(sha256), t, t && Sha256.ofFile(to).equals(sha256));
    }

    /** Not moved yet, and as expected. */
    public boolean notMoved() {
        return fromSame && !to;
    }

    /** Moved and intact. */
    public boolean moved() {
        return !from && toSame;
    }

    /** Copied whole, the source not yet deleted. */
    public boolean copiedNotDeleted() {
        return fromSame && toSame;
    }

    public boolean lost() {
        return !from && !to;
    }
}
