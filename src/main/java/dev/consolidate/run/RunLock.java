package dev.consolidate.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.db.Production;
import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * One consolidate process per run folder and per production database: a lock file in the run folder
 * naming its holder, and a session-level advisory lock in production held for the whole run (it
 * goes away by itself if the process dies). A stale lock file left by a dead process on this host
 * is taken over.
 */
public final class RunLock implements AutoCloseable {
    /** classid of the advisory lock: "cons" in ASCII; objid is hashtext(current_database()). */
    static final int ADVISORY_CLASS = 0x636f6e73;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path lockFile;
    private final Connection productionSession;
    private boolean released;

    private RunLock(Path lockFile, Connection productionSession) {
        this.lockFile = lockFile;
        this.productionSession = productionSession;
    }

    /**
     * Takes both locks or neither. {@code production} may be null (nothing in production to lock).
     * {@code command} says what the holder is doing ("--execute").
     */
    public static RunLock acquire(RunFolder folder, Production production, String command, Clock clock) {
        Path lockFile = folder.lockFile();
        takeFile(lockFile, command, clock);
        Connection session = null;
        try {
            if (production != null) {
                session = production.openReadOnly();
                takeAdvisory(session, production);
            }
            return new RunLock(lockFile, session);
        } catch (RuntimeException e) {
            closeQuietly(session);
            deleteQuietly(lockFile);
            throw e;
        }
    }

    private static void takeFile(Path lockFile, String command, Clock clock) {
        ObjectNode holder = JSON.createObjectNode();
        holder.put("pid", ProcessHandle.current().pid());
        holder.put("host", hostName());
        holder.put("user", System.getProperty("user.name"));
        holder.put("command", command);
        holder.put("started", Instant.now(clock).toString());
        try {
            Files.createDirectories(lockFile.getParent());
            for (int tries = 0; tries < 2; tries++) {
                if (AtomicFiles.createNew(lockFile, holder.toPrettyString() + "\n")) {
                    return;
                }
                JsonNode existing = readHolder(lockFile);
                if (existing != null && !isDead(existing)) {
                    throw Problem.precondition("Another consolidate holds this run folder: pid "
                                    + existing.path("pid").asText("?") + " on " + existing.path("host").asText("?") + ", "
                                    + existing.path("command").asText("?") + " since " + existing.path("started").asText("?") + ".")
                            .why("Two runs of one plan at once would step on each other's files and history rows.")
                            .fix("Wait for it to finish (consolidate --status shows its progress). If that process is gone "
                                    + "and was on another host, delete " + lockFile + ".")
                            .state("Nothing was changed by this command.")
                            .build();
                }
                Files.deleteIfExists(lockFile);
            }
            throw new IllegalStateException("could not take the lock file " + lockFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void takeAdvisory(Connection session, Production production) {
        try (PreparedStatement ps = session.prepareStatement(
                "SELECT pg_try_advisory_lock(?, hashtext(current_database()))")) {
            ps.setInt(1, ADVISORY_CLASS);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
            String holder = advisoryHolder(session).orElse("another session");
            throw Problem.precondition("Another consolidate is working on " + production.spec().redacted() + ": " + holder + ".")
                    .why("The tool holds an advisory lock in production for the length of a run, so that two runs never "
                            + "write history rows at once.")
                    .fix("Wait for that run to finish; if it is stuck, end that session (pg_terminate_backend) after checking it.")
                    .state("Nothing was changed by this command.")
                    .build();
        } catch (SQLException e) {
            throw Problem.precondition("Could not take the advisory lock in production: " + e.getMessage())
                    .why("The lock keeps two runs from writing history rows at once.")
                    .fix("Check that the role may call pg_try_advisory_lock.")
                    .state("Nothing was changed.")
                    .cause(e)
                    .build();
        }
    }

    private static Optional<String> advisoryHolder(Connection session) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement(
                "SELECT a.pid, a.usename, a.application_name, a.client_addr::text, a.backend_start "
                        + "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                        + "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ?::oid "
                        + "AND l.objid = hashtext(current_database())::oid AND l.objsubid = 2 LIMIT 1")) {
            ps.setLong(1, ADVISORY_CLASS & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of("session pid " + rs.getInt(1) + " of role " + rs.getString(2)
                        + " (" + rs.getString(3) + (rs.getString(4) == null ? "" : " from " + rs.getString(4))
                        + ", connected " + rs.getTimestamp(5).toInstant() + ")");
            }
        }
    }

    private static JsonNode readHolder(Path lockFile) {
        try {
            return JSON.readTree(Files.readString(lockFile));
        } catch (IOException e) {
            return null;
        }
    }

    /** A holder on this host whose process is gone is dead; one elsewhere cannot be checked and counts as alive. */
    private static boolean isDead(JsonNode holder) {
        if (!hostName().equals(holder.path("host").asText())) {
            return false;
        }
        long pid = holder.path("pid").asLong(-1);
        return pid <= 0 || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        closeQuietly(productionSession);
        deleteQuietly(lockFile);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing the session releases the advisory lock either way
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stale lock file is taken over by the next run
        }
    }
}
