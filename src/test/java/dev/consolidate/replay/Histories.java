package dev.consolidate.replay;

import dev.consolidate.fs.Sha256;
import dev.consolidate.history.Migration;
import dev.consolidate.history.MigrationKind;

/** Migrations built in tests, with what the tool adapters would say of them. */
final class Histories {
    private Histories() {
    }

    static Migration file(String path, String sql) {
        return new Migration(version(path), path, MigrationKind.VERSIONED, path, Sha256.hex(sql), null, sql, 1, true, false);
    }

    /** A dbmate file: only the up section is executed, and it starts on {@code startLine}. */
    static Migration section(String path, String upSection, int startLine) {
        return new Migration(version(path), path, MigrationKind.VERSIONED, path, Sha256.hex(upSection), null, upSection, startLine,
                true, false);
    }

    static Migration noTransaction(String path, String sql) {
        return new Migration(version(path), path, MigrationKind.VERSIONED, path, Sha256.hex(sql), null, sql, 1, false, false);
    }

    static Migration skipped(String path, String sql) {
        return new Migration(version(path), path, MigrationKind.VERSIONED, path, Sha256.hex(sql), null, sql, 1, true, true);
    }

    private static String version(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int cut = name.indexOf('_');
        return cut < 0 ? name : name.substring(0, cut);
    }
}
