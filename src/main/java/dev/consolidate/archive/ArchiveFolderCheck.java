package dev.consolidate.archive;

import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether the archive folder may receive this plan's files: absent, empty, or holding only what
 * this plan's own archive step wrote there before a crash. Anything else (a previous
 * consolidation's archive, files someone put there) is refused before anything moves.
 */
public final class ArchiveFolderCheck {
    private ArchiveFolderCheck() {
    }

    /** What was found. {@code existed} false when the step creates the folder (and its undo may remove it). */
    public record Found(boolean existed) {
    }

    public static Found inspect(ArchiveLayout layout, String planId) {
        Path dir = layout.archiveDir();
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return new Found(false);
        }
        String shown = layout.archiveFolder() + "/";
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw Problem.precondition("The archive folder " + shown + " exists and is not a folder.")
                    .why("The migration files are moved into that folder.")
                    .fix("Move " + layout.archiveFolder() + " out of the way, then run --resume.")
                    .state(Inventory.nothingMoved(layout))
                    .build();
        }
        List<String> foreign = new ArrayList<>();
        ArchiveManifest manifest = null;
        String unreadable = null;
        for (Path p : files(dir)) {
            String name = dir.relativize(p).toString().replace('\\', '/');
            if (name.equals(ArchiveManifest.JSON_NAME)) {
                try {
                    manifest = ManifestCodec.parse(Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException e) {
                    unreadable = e.getMessage();
                }
            } else if (!isOwn(name)) {
                foreign.add(name);
            }
        }
        if (manifest != null && !manifest.planId().equals(planId)) {
            throw Problem.precondition("The archive folder " + shown + " already holds a previous consolidation's archive"
                            + " (plan " + manifest.planId() + ", " + manifest.files().size() + " files, archived "
                            + manifest.archivedAt() + (manifest.baseline() == null ? "" : ", replaced by "
                            + manifest.baseline().path()) + ").")
                    .why("Mixing two consolidations' files in one folder would make both manifests and both undos wrong.")
                    .fix("Keep the earlier archive under another name ending in _archive (the tool's folder detection "
                            + "skips those), e.g. git mv " + layout.archiveFolder() + " " + renamed(layout, manifest.planId())
                            + ", commit, then run --resume.")
                    .state(Inventory.nothingMoved(layout))
                    .build();
        }
        if (manifest == null && unreadable != null) {
            foreign.add(ArchiveManifest.JSON_NAME);
        }
        if (manifest != null) {
            // This plan's own archive, begun by a run whose journal did not keep up before a crash:
            // the files its manifest lists are ones this step moved there.
            Set<String> ours = new HashSet<>();
            for (ArchivedFile f : manifest.files()) {
                ours.add(f.path());
                ours.add(f.path() + AtomicFiles.TEMP_SUFFIX);
            }
            foreign.removeIf(ours::contains);
        }
        if (!foreign.isEmpty()) {
            throw Problem.precondition("The archive folder " + shown + " already exists and holds "
                            + Inventory.count(foreign.size(), "file") + " this plan did not put there: "
                            + Inventory.names(foreign) + ".")
                    .why("The archive must hold exactly the consolidated files, so that its manifest, its verification "
                            + "and its undo cover everything in it.")
                    .fix("Move those files elsewhere (or rename the folder, e.g. git mv " + layout.archiveFolder() + " "
                            + renamed(layout, "previous") + "), then run --resume.")
                    .state(Inventory.nothingMoved(layout))
                    .build();
        }
        // With this plan's manifest inside, the folder is this step's own (git keeps no empty folders,
        // so one that existed before would hardly have been empty).
        return new Found(manifest == null);
    }

    /** The README, the manifests, and leftovers of their atomic writes: what this step itself puts there first. */
    static boolean isOwn(String name) {
        for (String own : ArchiveManifest.OWN_FILES) {
            if (name.equals(own) || name.equals(own + AtomicFiles.TEMP_SUFFIX)) {
                return true;
            }
        }
        return false;
    }

    private static String renamed(ArchiveLayout layout, String tag) {
        String f = layout.archiveFolder();
        String base = f.endsWith("_archive") ? f.substring(0, f.length() - "_archive".length())
                : f.endsWith("_legacy_sql") ? f.substring(0, f.length() - "_legacy_sql".length()) : f;
        return base + "_" + tag + "_archive";
    }

    /** Every non-directory below {@code dir}, sorted. */
    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
