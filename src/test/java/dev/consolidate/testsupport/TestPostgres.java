package dev.consolidate.testsupport;

import dev.consolidate.scratch.EmbeddedScratchServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embedded PostgreSQL servers shared by every test in the JVM (one per major), started on first
 * use and stopped at exit. Tests create their own scratch databases on them; starting a server
 * per test class would cost seconds each.
 */
public final class TestPostgres {
    /** The major the suite runs on unless a test asks for another: the one the pg_dump client here matches. */
    public static final int DEFAULT_MAJOR = 15;

    private static final Map<Integer, EmbeddedScratchServer> SERVERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SERVERS.values().forEach(EmbeddedScratchServer::close)));
    }

    private TestPostgres() {
    }

    public static EmbeddedScratchServer server() {
        return server(DEFAULT_MAJOR);
    }

    public static EmbeddedScratchServer server(int major) {
        return SERVERS.computeIfAbsent(major, EmbeddedScratchServer::start);
    }
}
