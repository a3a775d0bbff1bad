package dev.consolidate.archive;

import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.fs.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The undo's mechanics: check every archived file before any moves back, move each back verified,
 * then clear what the archive step laid into the folder. Refusals are {@code Problem.manual}
 * (exit 6) naming each file, and leave the archive consistent with its manifest.
 */
public final class Restore {
    private final ArchiveLayout layout;
    private final String bundleShown;

    /** @param bundleShown the bundle as messages show it (project-relative when inside the project) */
    public Restore(ArchiveLayout layout, String bundleShown) {
        this.layout = layout;
        this.bundleShown = bundleShown;
    }

    /** Refuses unless every candidate is where a move of ours (either way) leaves it, with its bytes. */
    public void check(ArchiveManifest m, List<Integer> candidates) {
        List<String> edited = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        int back = 0;
        for (int n : candidates) {
            ArchivedFile f = m.files().get(n);
            Placement p = Placement.of(layout.resolve(f.to()), layout.resolve(f.from()), f.sha256());
            if (!p.from() && p.to()) {
                back++;
            }
            if (p.lost()) {
                lost.add(f.to());
            } else if (p.from() && !p.fromSame() && !p.to()) {
                edited.add(f.to());
            } else if (p.from() && p.to() && !(p.fromSame() && p.toSame())) {
                conflicts.add(f.from());
            }
        }
        if (edited.isEmpty() && conflicts.isEmpty() && lost.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!edited.isEmpty()) {
            parts.add("edited in the archive since it was archived: " + String.join(", ", edited));
        }
        if (!conflicts.isEmpty()) {
            parts.add("in both " + layout.archiveFolder() + "/ and " + shownMigrations() + ", not both with the archived bytes: "
                    + String.join(", ", conflicts));
        }
        if (!lost.isEmpty()) {
            parts.add("gone from both the archive and the migrations folder: " + String.join(", ", lost));
        }
        throw Moves.undoRefused("The archive cannot be undone: " + String.join("; ", parts) + ".",
                "Put the original bytes back at each archived path, e.g. from the project root: tar --zstd -xOf " + bundleShown
                        + " '<from>' > '<archived path>' (the paths are in " + layout.archiveFolder() + "/"
                        + ArchiveManifest.JSON_NAME + "); keep any edit you need elsewhere first. Then run --rollback again; "
                        + "it continues where it stopped.",
                "This attempt moved nothing back. " + back + " of " + Inventory.count(candidates.size(), "file") + " are back in "
                        + shownMigrations() + "; the others are still in " + layout.archiveFolder() + "/, matching "
                        + ArchiveManifest.SUMS_NAME + " except the files named.");
    }

    /** Moves file {@code n} back to its origin (or finds it there), verified against the manifest. */
    public void moveBack(ArchiveManifest m, int n) throws IOException {
        ArchivedFile f = m.files().get(n);
        Path archived = layout.resolve(f.to());
        Path original = layout.resolve(f.from());
        Files.deleteIfExists(VerifiedMove.temporary(archived));
        if (!Files.exists(archived, LinkOption.NOFOLLOW_LINKS) && Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Moves.settle(archived, original, f.sha256());
        } catch (Moves.Unsettled u) {
            // Every file was checked before the first move back: only a change made since gets here.
            check(m, List.of(n));
            throw u;
        }
    }

    /**
     * Removes the README and manifests whose bytes are still what the step wrote ({@code ownSha256},
     * name to hash), the emptied folders below the archive folder, and the folder itself when the
     * step created it and it is empty.
     *
     * @param manifest the manifest, or null when the step stopped before writing one
     * @return the files kept because they were edited
     */
    public List<String> clearFolder(ArchiveManifest manifest, Map<String, String> ownSha256, boolean folderCreated)
            throws IOException {
        Path dir = layout.archiveDir();
        List<String> kept = new ArrayList<>();
        for (String name : ArchiveManifest.OWN_FILES) {
            Path p = dir.resolve(name);
            Files.deleteIfExists(p.resolveSibling(name + AtomicFiles.TEMP_SUFFIX));
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String expected = ownSha256.get(name);
            if (expected != null && expected.equals(Sha256.ofFile(p))) {
                Files.delete(p);
            } else {
                kept.add(layout.archiveFolder() + "/" + name);
            }
        }
        List<Path> placed = new ArrayList<>();
        if (manifest != null) {
            for (ArchivedFile f : manifest.files()) {
                placed.add(layout.resolve(f.to()));
            }
        }
        Moves.removeEmptiedBelow(dir, placed);
        if (folderCreated) {
            Moves.removeEmptied(dir, dir.getParent());
        }
        return kept;
    }

    private String shownMigrations() {
        return layout.migrationsFolder().isEmpty() ? "the project root" : layout.migrationsFolder() + "/";
    }
}
