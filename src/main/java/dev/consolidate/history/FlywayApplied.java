package dev.consolidate.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Flyway takes as applied from its history rows, read in installed_rank order: the latest row
 * per version (versioned) or per description (repeatable), minus those a later DELETE row marks
 * deleted; the newest baseline (a BASELINE marker or an applied B migration); SCHEMA markers and
 * undo rows aside.
 */
final class FlywayApplied {
    final Map<FlywayVersion, HistoryRow> versioned = new TreeMap<>();
    final Map<String, HistoryRow> repeatable = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    FlywayVersion baselineMarker;

    FlywayApplied(List<HistoryRow> rows) {
        for (HistoryRow r : rows) {
            FlywayVersion v = FlywayVersion.parse(r.version());
            switch (r.kind()) {
                case SCHEMA_MARKER -> notes.add("Row " + r.key() + " records the schemas Flyway created.");
                case BASELINE_MARKER -> {
                    if (v != null && (baselineMarker == null || v.compareTo(baselineMarker) > 0)) {
                        baselineMarker = v;
                    }
                }
                case DELETE_MARKER -> {
                    if (r.success()) {
                        if (v != null) {
                            versioned.remove(v);
                        } else {
                            repeatable.remove(r.name());
                        }
                    }
                }
                case MIGRATION -> {
                    if (r.type() != null && r.type().startsWith("UNDO")) {
                        notes.add("Row " + r.key() + " is an undo migration (" + r.type() + "): ignored.");
                    } else if (v != null) {
                        versioned.put(v, r);
                        if (r.success() && r.type() != null && r.type().endsWith("_BASELINE")
                                && (baselineMarker == null || v.compareTo(baselineMarker) > 0)) {
                            // A baseline migration (B file) stands for every version up to its own.
                            baselineMarker = v;
                        }
                    } else {
                        repeatable.remove(r.name());
                        repeatable.put(r.name(), r);
                    }
                }
                default -> {
                }
            }
        }
        if (baselineMarker != null) {
            notes.add("A baseline at version " + baselineMarker + ": Flyway counts versions up to it as applied.");
        }
    }

    /** The newest version with a successful row, else null. */
    FlywayVersion newest() {
        FlywayVersion newest = null;
        for (Map.Entry<FlywayVersion, HistoryRow> e : versioned.entrySet()) {
            if (e.getValue().success()) {
                newest = e.getKey();
            }
        }
        return newest;
    }
}
