package dev.consolidate.backup;

import java.util.Locale;

/** How much of production the backup step keeps. */
public enum BackupMode {
    /** Schema, history rows, sequence values and every row of every table in scope. */
    FULL,
    /** Schema and history rows only: enough to rebuild the structure, not the data. */
    SCHEMA_ONLY,
    /** Nothing: the user took a backup of their own, named by a reference text kept in the manifest. */
    NONE;

    /** The spelling used in manifests: full, schema-only, none. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Also takes the command line's short "schema". */
    public static BackupMode fromLabel(String label) {
        if ("schema".equals(label)) {
            return SCHEMA_ONLY;
        }
        for (BackupMode m : values()) {
            if (m.label().equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown backup mode: " + label);
    }
}
