package dev.consolidate.testsupport;

import dev.consolidate.fs.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A project's files as a test judges a run by them. */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /**
     * Every file of the project with its SHA-256, relative and '/'-separated, leaving out the run
     * folders ({@code .consolidate/}) and the published runbooks ({@code consolidation/}).
     */
    public static Map<String, String> outsideRunFolders(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (!rel.startsWith(".consolidate/") && !rel.startsWith("consolidation/")) {
                    out.put(rel, Sha256.ofFile(f));
                }
            }
        }
        return out;
    }
}
