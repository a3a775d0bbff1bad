package dev.consolidate.backup;

import java.util.List;

/**
 * The result of checking an archive against its manifest without a database.
 *
 * @param archive        the archive checked
 * @param expectedSha256 the archive's SHA-256 in the manifest
 * @param actualSha256   the archive's SHA-256 on disk
 * @param expectedBytes  its size in the manifest
 * @param actualBytes    its size on disk
 * @param damaged        entries that do not match, each naming its table where it holds one
 */
public record IntegrityReport(String archive, String expectedSha256, String actualSha256, long expectedBytes,
                              long actualBytes, List<Damage> damaged) {

    public IntegrityReport {
        damaged = List.copyOf(damaged);
    }

    public boolean intact() {
        return expectedSha256.equals(actualSha256) && expectedBytes == actualBytes && damaged.isEmpty();
    }

    /**
     * @param entry  the archive entry
     * @param table  schema.name of the table whose rows it holds, or null for a schema or history entry
     * @param reason what is wrong with it
     */
    public record Damage(String entry, String table, String reason) {
        /** "table public.orders (data/000003.copy.zst)" or "schema/pre-data.sql". */
        public String subject() {
            return table == null ? entry : "table " + table + " (" + entry + ")";
        }
    }
}
