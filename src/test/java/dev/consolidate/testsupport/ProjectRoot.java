package dev.consolidate.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, whether tests run from Maven or an IDE. */
public final class ProjectRoot {
    private ProjectRoot() {
    }

    public static Path get() {
        String fromMaven = System.getProperty("consolidate.projectRoot");
        if (fromMaven != null) {
            return Path.of(fromMaven).toAbsolutePath().normalize();
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("pom.xml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the project root (no pom.xml above " + Path.of("").toAbsolutePath() + ")");
        }
        return p;
    }
}
