package dev.consolidate.history;

import dev.consolidate.scratch.ScratchDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Small project folders and database helpers for the adapter tests. */
final class TestProject {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-04T01:10:05.123456789Z"), ZoneOffset.UTC);
    static final IdSource IDS = new DeterministicIds("test-plan");

    private final Path root;

    TestProject(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    TestProject file(String relative, String text) {
        return bytes(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    TestProject bytes(String relative, byte[] bytes) {
        Path p = root.resolve(relative);
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Moves every migration file into the archive folder (keeping its path below the migrations folder), as the archive step would. */
    void archive(MigrationSet set, String archiveFolder) {
        for (Migration m : set.migrations()) {
            Path from = root.resolve(m.path());
            Path to = root.resolve(archiveFolder).resolve(root.resolve(set.folder()).relativize(from));
            try {
                Files.createDirectories(to.getParent());
                Files.move(from, to);
                Path parent = from.getParent();
                if (!parent.equals(root.resolve(set.folder()))) {
                    try (var s = Files.list(parent)) {
                        if (s.findAny().isEmpty()) {
                            Files.delete(parent);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void sql(ScratchDatabase db, String... statements) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Applies the change in one transaction and commits. */
    static void apply(ScratchDatabase db, HistoryChange change) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            new HistoryWriter().apply(c, change);
            c.commit();
        }
    }

    static void undo(ScratchDatabase db, HistoryChange change) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            new HistoryWriter().undo(c, change);
            c.commit();
        }
    }

    static HistorySnapshot read(ToolAdapter adapter, ScratchDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            c.setReadOnly(true);
            return adapter.readHistory(c, adapter.defaultHistoryTable().orElseThrow());
        }
    }

    static List<String> rowsJson(HistorySnapshot s) {
        return s.rows().stream().map(HistoryRow::json).toList();
    }

    /** Columns (type, nullability, default), constraints and indexes of the history table. */
    static List<String> tableShape(Connection c, HistoryTable table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT format('%s %s %s %s', a.attname, format_type(a.atttypid, a.atttypmod),
                              CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END,
                              coalesce(pg_get_expr(d.adbin, d.adrelid), '-'))
                  FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped
                UNION ALL
                SELECT format('constraint %s %s', conname, pg_get_constraintdef(oid)) FROM pg_constraint WHERE conrelid = ?::regclass
                UNION ALL
                SELECT format('index %s', pg_get_indexdef(indexrelid)) FROM pg_index WHERE indrelid = ?::regclass
                ORDER BY 1""")) {
            for (int i = 1; i <= 3; i++) {
                ps.setString(i, table.qualified());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
