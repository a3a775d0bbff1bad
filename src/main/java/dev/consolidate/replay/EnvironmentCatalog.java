package dev.consolidate.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SortedSet;
import java.util.TreeSet;

/** Reads what a database holds right after its environment step (one query for all objects). */
final class EnvironmentCatalog {
    private static final String OBJECTS = "/consolidate/replay/environment-objects.sql";
    private static final String ROLES = "SELECT rolname FROM pg_roles WHERE rolname !~ '^pg_' ORDER BY 1";

    private EnvironmentCatalog() {
    }

    static SortedSet<EnvironmentObject> objects(Connection c) throws SQLException {
        SortedSet<EnvironmentObject> objects = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query())) {
            while (rs.next()) {
                objects.add(new EnvironmentObject(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return objects;
    }

    static SortedSet<String> roles(Connection c) throws SQLException {
        SortedSet<String> roles = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ROLES)) {
            while (rs.next()) {
                roles.add(rs.getString(1));
            }
        }
        return roles;
    }

    private static String query() {
        try (InputStream in = EnvironmentCatalog.class.getResourceAsStream(OBJECTS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OBJECTS);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
