package dev.consolidate.archive;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What the archive holds and where it came from: written as {@code manifest.json} into the archive
 * folder (beside {@code SHA256SUMS} and the README) and as a copy into the run folder, which the
 * undo trusts even when the archive folder's own copy was removed.
 *
 * @param format           the manifest's format version
 * @param planId           the plan that archived these files
 * @param archivedAt       when the archive step began (ISO-8601 UTC, from the run's clock)
 * @param tool             the tool whose history these files were
 * @param migrationsFolder where they came from, relative to the project root
 * @param archiveFolder    where they are, relative to the project root
 * @param baseline         the baseline that replaced them
 * @param bundle           the compressed copy of the originals in the run folder
 * @param sum              the chained SHA-256 over every file's name and content, in order
 * @param files            the files in the tool's order
 */
@JsonPropertyOrder({"format", "planId", "archivedAt", "tool", "migrationsFolder", "archiveFolder", "baseline", "bundle",
    "sum", "files"})
public record ArchiveManifest(
        int format,
        String planId,
        String archivedAt,
        String tool,
        String migrationsFolder,
        String archiveFolder,
        Baseline baseline,
        Bundle bundle,
        String sum,
        List<ArchivedFile> files) {

    public static final int FORMAT = 1;
    /** The manifests and README the step lays into the archive folder, beside the archived files. */
    public static final String JSON_NAME = "manifest.json";
    public static final String SUMS_NAME = "SHA256SUMS";
    public static final String README_NAME = "README.md";
    public static final List<String> OWN_FILES = List.of(README_NAME, SUMS_NAME, JSON_NAME);

    public ArchiveManifest {
        files = List.copyOf(files);
    }

    /** The baseline's identity as the plan chose it. */
    @JsonPropertyOrder({"tool", "version", "name", "path"})
    public record Baseline(String tool, String version, String name, String path) {
    }

    /**
     * @param file   relative to the run folder (artifacts/originals.tar.zst)
     * @param sha256 lower-case hex SHA-256 of the bundle
     * @param size   its size in bytes
     */
    @JsonPropertyOrder({"file", "sha256", "size"})
    public record Bundle(String file, String sha256, long size) {
    }

    public long totalBytes() {
        return files.stream().mapToLong(ArchivedFile::size).sum();
    }
}
