package dev.consolidate.backup;

import java.util.List;
import java.util.Map;

/**
 * The manifest of a backup ({@code backup.manifest.json} beside the archive): what was backed up,
 * how to check it and where each part lies in the archive. Its presence under its final name
 * means the backup was restored into a scratch database and found equal.
 *
 * @param format       {@value #FORMAT}; a restore refuses other formats
 * @param mode         full, schema-only or none
 * @param createdAt    when the snapshot was taken (ISO-8601 instant, from the injected clock)
 * @param reference    for mode none: the user's own backup; otherwise null
 * @param source       the server and database backed up (no credentials)
 * @param contents     the logical content; null for mode none
 * @param archive      the archive file and the place of every entry in it; null for mode none
 * @param pgDump       the optional pg_dump file; null when none was asked for
 * @param verification the restore that proved the backup; null for mode none
 */
public record BackupManifest(String format, String mode, String createdAt, String reference, Source source,
                             Contents contents, Archive archive, PgDump pgDump, Verification verification) {

    public static final String FORMAT = "consolidate-backup/1";

    public BackupMode backupMode() {
        return BackupMode.fromLabel(mode);
    }

    /**
     * @param serverVersion production's server_version (e.g. "15.14")
     * @param serverMajor   its major
     * @param database      current_database()
     */
    public record Source(String serverVersion, int serverMajor, String database) {
    }

    /**
     * @param copyFormat   "text": see the README of bench/backup for why not binary
     * @param copySettings the session settings every COPY ran under (the text depends on them)
     * @param compression  codec of the data entries, e.g. "zstd-1"
     * @param preData      schema/pre-data.sql
     * @param postData     schema/post-data.sql
     * @param history      history/rows.json (a JSON array of the caller's row objects)
     * @param historyTable the history table, or null
     * @param historyRows  number of history rows
     * @param tables       every table copied, sorted by name; empty for schema-only
     * @param sequences    sequence positions, sorted by name; empty for schema-only
     * @param largeObjects large objects in the database, which the backup does not contain
     */
    public record Contents(String copyFormat, Map<String, String> copySettings, String compression,
                           FileEntry preData, FileEntry postData, FileEntry history, TableName historyTable,
                           int historyRows, List<TableEntry> tables, List<SequenceValue> sequences,
                           long largeObjects) {
        public Contents {
            copySettings = Map.copyOf(copySettings);
            tables = List.copyOf(tables);
            sequences = List.copyOf(sequences);
        }
    }

    /** An archive entry stored as is. */
    public record FileEntry(String entry, long bytes, String sha256) {
    }

    /**
     * One table's rows.
     *
     * @param entry       the archive entry (zstd-compressed text COPY stream)
     * @param columns     the columns copied, in order (generated columns excluded)
     * @param rows        row count
     * @param bytes       uncompressed stream size
     * @param sha256      SHA-256 of the uncompressed stream
     * @param contentHash order-independent hash of the rows, compared after a restore
     */
    public record TableEntry(String schema, String name, List<String> columns, String entry, long rows, long bytes,
                             String sha256, String contentHash) {
        public TableEntry {
            columns = List.copyOf(columns);
        }

        public TableName table() {
            return new TableName(schema, name);
        }

        CopyDigest digest() {
            return new CopyDigest(rows, bytes, sha256, contentHash);
        }
    }

    /**
     * @param file    the archive's file name, beside the manifest
     * @param bytes   its size
     * @param sha256  its SHA-256
     * @param entries where each entry's data starts and how long it is (a plain tar otherwise)
     */
    public record Archive(String file, long bytes, String sha256, List<ArchiveEntry> entries) {
        public Archive {
            entries = List.copyOf(entries);
        }

        ArchiveEntry entry(String name) {
            return entries.stream().filter(e -> e.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no archive entry " + name));
        }
    }

    public record ArchiveEntry(String name, long offset, long length) {
    }

    /**
     * @param status  written, skipped or failed
     * @param file    the file beside the manifest when written
     * @param version pg_dump's version line
     * @param reason  why it was skipped or failed
     */
    public record PgDump(String status, String file, long bytes, String sha256, String version, String reason) {
    }

    /**
     * @param scratch    the server the backup was restored into
     * @param tables     tables restored and compared
     * @param rows       rows restored and compared
     * @param sequences  sequence positions restored and compared
     */
    public record Verification(String scratch, int tables, long rows, int sequences) {
    }
}
