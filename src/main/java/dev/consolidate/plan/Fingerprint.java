package dev.consolidate.plan;

import dev.consolidate.fs.Sha256;
import dev.consolidate.history.HistoryRow;
import dev.consolidate.history.Migration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint --execute re-checks: SHA-256 over the file names and bytes, the history rows as
 * stored, and the settings the plan's decisions depend on. Any change to any of them changes it.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /**
     * @param files    the migration files (path and content hash)
     * @param rows     the history rows, as stored
     * @param settings the deciding settings (name to value; null values are left out)
     */
    public static String of(List<Migration> files, List<HistoryRow> rows, Map<String, String> settings) {
        StringBuilder sb = new StringBuilder("consolidate-plan-fingerprint/1\n");
        sb.append("files\n");
        files.stream().sorted(Comparator.comparing(Migration::path))
                .forEach(m -> sb.append(m.path()).append('\0').append(m.sha256()).append('\n'));
        sb.append("rows\n");
        rows.stream().map(HistoryRow::json).sorted().forEach(json -> sb.append(Sha256.hex(json)).append('\n'));
        sb.append("settings\n");
        new TreeMap<>(settings).forEach((k, v) -> {
            if (v != null) {
                sb.append(k).append('=').append(v).append('\n');
            }
        });
        return Sha256.hex(sb.toString());
    }

    /** The plan id: the fingerprint's first 12 hex digits, so the same input always gets the same run folder. */
    public static String planId(String fingerprint) {
        return fingerprint.substring(0, 12);
    }
}
