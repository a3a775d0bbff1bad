package dev.consolidate.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.testsupport.TestPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionTest {

    @Test
    void readOnlySessionsRefuseWrites() throws Exception {
        EmbeddedScratchServer server = TestPostgres.server();
        try (ScratchDatabase db = server.create("prod ro")) {
            Production prod = new Production(spec(server.port(), db.name(), "postgres", null));
            try (Connection c = prod.openReadOnly(); Statement s = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute("CREATE TABLE t (id int)"));
                assertEquals("25006", e.getSQLState(), "read_only_sql_transaction");
                try (ResultSet rs = s.executeQuery("SHOW default_transaction_read_only")) {
                    rs.next();
                    assertEquals("on", rs.getString(1));
                }
            }
            assertEquals(server.major(), prod.serverMajor());
        }
    }

    @Test
    void unreachableServerIsAPreconditionFailure() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        Problem p = assertThrows(Problem.class, () -> new Production(spec(freePort, "d", "u", "pw")).openReadOnly());
        assertEquals(ExitCode.PRECONDITION, p.exitCode());
        assertTrue(p.what().contains("unreachable"));
        assertTrue(p.what().contains("127.0.0.1:" + freePort));
    }

    @Test
    void wrongPasswordIsAConfigurationErrorThatNeverEchoesThePassword() throws Exception {
        EmbeddedScratchServer server = TestPostgres.server();
        try (Connection admin = server.maintenanceConnection(); Statement s = admin.createStatement()) {
            s.execute("DROP ROLE IF EXISTS pw_checked");
            s.execute("CREATE ROLE pw_checked LOGIN PASSWORD 'right-password'");
            Path hba;
            try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            String original = Files.readString(hba);
            if (!original.contains("pw_checked")) {
                Files.writeString(hba, "host all pw_checked 127.0.0.1/32 scram-sha-256\nhost all pw_checked ::1/128 scram-sha-256\n" + original);
                s.execute("SELECT pg_reload_conf()");
            }
        }
        Problem p = assertThrows(Problem.class,
                () -> new Production(spec(server.port(), "postgres", "pw_checked", "wrong-secret")).openReadOnly());
        assertEquals(ExitCode.USAGE, p.exitCode());
        assertFalse(p.render().contains("wrong-secret"));
        assertTrue(p.what().contains("pw_checked"));
        try (Connection c = new Production(spec(server.port(), "postgres", "pw_checked", "right-password")).openReadOnly()) {
            assertTrue(c.isReadOnly());
        }
    }

    private static ConnectionSpec spec(int port, String db, String user, String password) {
        return new ConnectionSpec("127.0.0.1", port, db, user, password, Map.of(), "test");
    }
}
