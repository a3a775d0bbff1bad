package dev.consolidate.archive;

import dev.consolidate.fs.Sha256;
import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks an archive folder against its manifest, the way {@code sha256sum -c SHA256SUMS} does plus
 * what that cannot see: files added beside the archived ones. Each finding names the file and
 * whether it was added, edited or removed.
 */
public final class ArchiveVerifier {
    private ArchiveVerifier() {
    }

    public enum Change {
        ADDED, EDITED, REMOVED;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param path relative to the archive folder */
    public record Finding(Change change, String path) {
        @Override
        public String toString() {
            return path + " (" + change.word() + ")";
        }
    }

    /** Reads {@code manifest.json} from the archive folder and checks the folder against it. */
    public static List<Finding> verify(Path archiveDir) {
        Path json = archiveDir.resolve(ArchiveManifest.JSON_NAME);
        ArchiveManifest m;
        try {
            m = ManifestCodec.parse(Files.readString(json, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw Problem.precondition("The archive folder " + archiveDir + " has no readable " + ArchiveManifest.JSON_NAME
                            + " (" + e.getMessage() + ").")
                    .why("Verification compares every file with the hashes the archive step recorded there.")
                    .fix("Restore " + ArchiveManifest.JSON_NAME + " from version control (or the copy in the run folder's "
                            + "artifacts), or check the files with sha256sum -c SHA256SUMS.")
                    .state("Nothing was changed.")
                    .cause(e)
                    .build();
        }
        return verify(archiveDir, m);
    }

    /** Every archived file present with its bytes, and nothing else beside them. */
    public static List<Finding> verify(Path archiveDir, ArchiveManifest manifest) {
        List<Finding> out = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (ArchivedFile f : manifest.files()) {
            listed.add(f.path());
            Path p = archiveDir.resolve(f.path());
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                out.add(new Finding(Change.REMOVED, f.path()));
            } else if (!Sha256.ofFile(p).equals(f.sha256())) {
                out.add(new Finding(Change.EDITED, f.path()));
            }
        }
        if (Files.isDirectory(archiveDir)) {
            for (Path p : ArchiveFolderCheck.files(archiveDir)) {
                String name = archiveDir.relativize(p).toString().replace('\\', '/');
                if (!listed.contains(name) && !ArchiveManifest.OWN_FILES.contains(name)) {
                    out.add(new Finding(Change.ADDED, name));
                }
            }
        }
        return out;
    }

    /** The findings as a Problem (exit 4: the archive drifted from its manifest), or none. */
    public static void requireIntact(Path archiveDir, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        List<String> named = findings.stream().map(Finding::toString).toList();
        throw Problem.drift("The archive " + archiveDir + " differs from its manifest: " + Inventory.names(named) + ".")
                .why("Archived migrations are history: they must stay byte for byte as they were consolidated.")
                .fix("Restore the named files from version control or from the run folder's artifacts/"
                        + OriginalsBundle.FILE_NAME + "; move added files elsewhere.")
                .state("Nothing was changed.")
                .build();
    }
}
