package dev.consolidate.scratch;

import dev.consolidate.problem.Problem;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL-compatible image (postgres, pgvector/pgvector, a Supabase image...) started through
 * Testcontainers, for histories that need extensions the bundled binaries lack. The container is
 * stopped on close; Testcontainers' reaper removes it if the tool dies first.
 */
public final class DockerScratchServer extends JdbcScratchServer {
    private final PostgreSQLContainer<?> container;
    private final String image;

    private DockerScratchServer(PostgreSQLContainer<?> container, String image) {
        this.container = container;
        this.image = image;
        readVersion();
    }

    /** True when a Docker engine answers; cheap enough to ask before offering the provider. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Starts the image and waits until PostgreSQL accepts connections. */
    public static DockerScratchServer start(String image) {
        if (!dockerAvailable()) {
            throw Problem.usage("No Docker engine is reachable for --scratch docker:" + image + ".")
                    .why("the docker scratch provider runs the image through Testcontainers, which needs a running Docker engine "
                            + "(DOCKER_HOST or the default socket).")
                    .fix("Start Docker, or use --scratch url:<server URL> with a server that has what the history needs, "
                            + "or --scratch embedded.")
                    .state("nothing changed.")
                    .build();
        }
        // The port is published on the host: a random password keeps it from being an open door, and
        // the user "postgres" is what images built on the official one (Supabase's) expect.
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withUsername("postgres")
                .withPassword(HexFormat.of().formatHex(randomBytes()))
                .withDatabaseName("postgres");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw Problem.usage("The scratch image " + image + " did not start: " + e.getMessage())
                    .why("the image must be a PostgreSQL server that honours POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB, "
                            + "as the official postgres image does.")
                    .fix("Check the image name and tag (docker pull " + image + "), or use --scratch url:<server URL>.")
                    .state("nothing changed.")
                    .build();
        }
        return new DockerScratchServer(container, image);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return b;
    }

    @Override
    protected String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)
                + "/" + database;
    }

    @Override
    protected Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", container.getUsername());
        p.setProperty("password", container.getPassword());
        return p;
    }

    @Override
    public String description() {
        return "PostgreSQL " + version() + " in container " + image;
    }

    @Override
    public void close() {
        container.close();
    }
}
