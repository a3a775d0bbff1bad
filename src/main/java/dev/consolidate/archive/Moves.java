package dev.consolidate.archive;

import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.TreeSet;

/**
 * One file into the archive or back out of it, settling whatever an earlier, interrupted attempt
 * left: redo a move not made, finish a copy whose source was not deleted, accept a move already
 * made. Anything else (an end edited, a file lost) is refused, naming the file, before any byte
 * of it is touched.
 */
public final class Moves {
    private Moves() {
    }

    /** What {@link #settle} did. */
    public enum Outcome {
        MOVED, SOURCE_DELETED, ALREADY_DONE
    }

    /**
     * Moves {@code from} to {@code to} unless an earlier attempt did; verifies the destination.
     * Throws {@link Unsettled} when the ends are in a state no move of ours leaves.
     */
    public static Outcome settle(Path from, Path to, String sha256) throws IOException {
        Files.deleteIfExists(VerifiedMove.temporary(to));
        Placement p = Placement.of(from, to, sha256);
        if (p.notMoved()) {
            VerifiedMove.move(from, to, sha256);
            return Outcome.MOVED;
        }
        if (p.copiedNotDeleted()) {
            Files.delete(from);
            return Outcome.SOURCE_DELETED;
        }
        if (p.moved()) {
            return Outcome.ALREADY_DONE;
        }
        throw new Unsettled(p);
    }

    /** The ends of a move are in a state only something else could have left. */
    public static final class Unsettled extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Placement placement;

        Unsettled(Placement placement) {
            super("unexpected state " + placement);
            this.placement = placement;
        }

        public Placement placement() {
            return placement;
        }
    }

    /** Removes {@code dir} and its parents up to (not including) {@code stop} while they are empty. */
    public static void removeEmptied(Path dir, Path stop) throws IOException {
        for (Path d = dir; d != null && !d.equals(stop) && d.startsWith(stop); d = d.getParent()) {
            try {
                Files.delete(d);
            } catch (DirectoryNotEmptyException e) {
                return;
            } catch (NoSuchFileException e) {
                // already gone: look at the parent
            }
        }
    }

    /** Removes the emptied folders below {@code root} that hold (held) the given files, deepest first. */
    public static void removeEmptiedBelow(Path root, Iterable<Path> files) throws IOException {
        TreeSet<Path> dirs = new TreeSet<>(Comparator.comparingInt(Path::getNameCount).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (Path f : files) {
            for (Path d = f.getParent(); d != null && !d.equals(root) && d.startsWith(root); d = d.getParent()) {
                dirs.add(d);
            }
        }
        for (Path d : dirs) {
            try {
                Files.delete(d);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                // kept: something else lives there, or it was never created
            }
        }
    }

    /** The undo's refusal for files it cannot move back safely. */
    public static Problem undoRefused(String what, String fix, String state) {
        return Problem.manual(what)
                .why("The undo moves back only files whose bytes match the manifest, so that the migrations folder "
                        + "gets back exactly the history it had; it never overwrites or deletes a file it cannot account for.")
                .fix(fix)
                .state(state)
                .build();
    }
}
