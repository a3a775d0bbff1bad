package dev.consolidate.backup;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A schema source for tests, standing in for the catalog engine's baseline writer: pg_dump's own
 * pre-data and post-data sections of the given schemas, taken in the backup's snapshot (a second
 * export of the coordinator's snapshot is handed to pg_dump). Tests that use it are skipped when
 * no pg_dump 15 is installed.
 */
final class PgDumpSchemaSource implements SchemaSource {
    private final EmbeddedScratchServer server;
    private final String database;
    private final List<String> schemas;

    PgDumpSchemaSource(EmbeddedScratchServer server, ScratchDatabase db, String... schemas) {
        this.server = server;
        this.database = db.name();
        this.schemas = List.of(schemas);
    }

    static Path pgDump() {
        Path p = Path.of("/usr/lib/postgresql/15/bin/pg_dump");
        if (!Files.isExecutable(p)) {
            System.err.println("SKIPPED: pg_dump 15 not found at " + p + "; it stands in for the catalog engine here");
        }
        assumeTrue(Files.isExecutable(p), "pg_dump 15 not installed at " + p);
        return p;
    }

    @Override
    public List<TableName> tables(Connection c) throws SQLException {
        List<TableName> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1, 2
                """)) {
            ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TableName(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    @Override
    public SchemaScope read(Connection c) throws SQLException {
        String snapshot;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
            rs.next();
            snapshot = rs.getString(1);
        }
        List<TableName> sequences = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT schemaname, sequencename FROM pg_sequences WHERE schemaname = ANY (?) ORDER BY 1, 2")) {
            ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sequences.add(new TableName(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return new SchemaScope(section("pre-data", snapshot), section("post-data", snapshot), tables(c), sequences);
    }

    private String section(String section, String snapshot) {
        List<String> cmd = new ArrayList<>(List.of(pgDump().toString(), "--section=" + section, "--snapshot=" + snapshot,
                "--host=localhost", "--port=" + server.port(), "--username=postgres", "--dbname=" + database));
        for (String s : schemas) {
            cmd.add("--schema=" + s);
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("pg_dump --section=" + section + " failed");
            }
            // psql meta-commands (\restrict in recent minors) are not SQL.
            return out.lines().filter(l -> !l.startsWith("\\")).collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
