package dev.consolidate.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public migration histories under ../shared/corpora, read in place and never copied.
 * Where they are absent a test is skipped and says so.
 */
public final class Corpora {
    private Corpora() {
    }

    /** The corpora folder: -Dconsolidate.corpora, else ../shared/corpora beside the project. */
    public static Path root() {
        String explicit = System.getProperty("consolidate.corpora", System.getenv("CONSOLIDATE_CORPORA"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        return ProjectRoot.get().resolve("../shared/corpora").toAbsolutePath().normalize();
    }

    /** A corpus folder (e.g. "marquez"), or the test is skipped with a message naming where it looked. */
    public static Path require(String name) {
        Path p = root().resolve(name);
        boolean present = Files.isDirectory(p);
        if (!present) {
            System.err.println("SKIPPED: corpus '" + name + "' not found at " + p
                    + " (set -Dconsolidate.corpora=<dir> to run the corpus tests)");
        }
        assumeTrue(present, "corpus '" + name + "' not found at " + p + "; corpus tests skipped");
        return p;
    }
}
