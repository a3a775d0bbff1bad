package dev.consolidate.execute;

import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.testsupport.Productions;
import dev.consolidate.testsupport.Projects.Project;
import dev.consolidate.testsupport.TestPostgres;

/**
 * The server the execute tests' productions live on, apart from the shared scratch server the
 * command line is pointed at: opening a scratch server drops the tool's databases nobody is
 * connected to, and the fixtures' databases carry the same prefix. Started once per JVM.
 */
final class ProductionServer {
    private static EmbeddedScratchServer server;

    private ProductionServer() {
    }

    static synchronized EmbeddedScratchServer get() {
        if (server == null) {
            server = EmbeddedScratchServer.start(TestPostgres.DEFAULT_MAJOR);
            EmbeddedScratchServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return server;
    }

    /** The production of {@code project}, as its tool would have left it, on this server. */
    static Productions.Fixture of(Project project) {
        return Productions.builder(project).server(get()).build();
    }
}
