package dev.consolidate.testsupport;

import dev.consolidate.scratch.BundledPostgres;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import java.nio.file.Path;

/**
 * A job's embedded production stand-in ({@code production = embedded}), started on its data folder
 * between runs of the command so a test can read what a run left in production.
 */
public record JobStandIn(EmbeddedScratchServer server, ScratchDatabase db) implements AutoCloseable {
    public static JobStandIn open(Path project) {
        EmbeddedScratchServer s = EmbeddedScratchServer.start(BundledPostgres.defaultMajor(),
                project.resolve(".consolidate/production-standin/pgdata"));
        return new JobStandIn(s, s.keptDatabase("production"));
    }

    @Override
    public void close() {
        server.close();
    }
}
