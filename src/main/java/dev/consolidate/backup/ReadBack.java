package dev.consolidate.backup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Reads a restored table back with COPY, to compare it with the manifest. A large table is read
 * in block ranges over several sessions at once (TID range scans, PostgreSQL 14 and later): its
 * content hash adds up the same in any order, so the parts' sums make the table's, and the
 * restore no longer ends with one session re-reading the largest table while the others wait.
 */
final class ReadBack {
    /** Tables of at least this many bytes of COPY text are read back in parts. */
    static final long SPLIT_BYTES = 64L << 20;
    private static final int TID_RANGE_SCANS = 14;

    private ReadBack() {
    }

    /**
     * One part of a table to read back: the whole table, or the blocks {@code [from, to)} of its
     * heap ({@code to} negative: to the end, so rows in blocks added since are read too).
     */
    record Part(BackupManifest.TableEntry table, long from, long to) {
        boolean whole() {
            return from == 0 && to < 0;
        }

        String copy() {
            if (whole()) {
                return "COPY " + TableLoader.target(table) + " TO STDOUT";
            }
            String columns = new TablePlan(table.table(), table.columns(), 0, false, false).columnList();
            return "COPY (SELECT " + columns + " FROM ONLY " + table.table().sql() + " WHERE ctid >= '(" + from + ",0)'::tid"
                    + (to < 0 ? "" : " AND ctid < '(" + to + ",0)'::tid") + ") TO STDOUT";
        }
    }

    /**
     * The parts to read {@code t} back in, asked on {@code c} (where it was just loaded): one per
     * session for a large table on a server that scans TID ranges, else the whole table.
     */
    static List<Part> parts(Connection c, BackupManifest.TableEntry t, int sessions) throws SQLException {
        return parts(c, t, sessions, SPLIT_BYTES);
    }

    static List<Part> parts(Connection c, BackupManifest.TableEntry t, int sessions, long splitBytes) throws SQLException {
        Part whole = new Part(t, 0, -1);
        if (sessions < 2 || t.bytes() < splitBytes || t.columns().isEmpty()
                || c.getMetaData().getDatabaseMajorVersion() < TID_RANGE_SCANS) {
            return List.of(whole);
        }
        long blocks;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pg_relation_size(CAST(? AS regclass)) / current_setting('block_size')::bigint")) {
            ps.setString(1, t.table().sql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                blocks = rs.getLong(1);
            }
        }
        if (blocks < sessions) {
            return List.of(whole);
        }
        List<Part> out = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            long from = blocks * i / sessions;
            out.add(new Part(t, from, i == sessions - 1 ? -1 : blocks * (i + 1) / sessions));
        }
        return out;
    }

    static CopyDigest read(Connection c, Part part) throws SQLException, IOException {
        CopyStreamDigest digest = new CopyStreamDigest(CopyStreamDigest.Measure.CONTENT);
        c.unwrap(PGConnection.class).getCopyAPI().copyOut(part.copy(), digest);
        return digest.finish();
    }

    /** The digest of a table read in parts: rows, bytes and content hash add up. */
    static CopyDigest combine(List<CopyDigest> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        ContentHash sum = new ContentHash();
        long rows = 0;
        long bytes = 0;
        for (CopyDigest d : parts) {
            rows += d.rows();
            bytes += d.bytes();
            sum.add(HexFormat.of().parseHex(d.contentHash()));
        }
        return new CopyDigest(rows, bytes, null, sum.hex());
    }
}
