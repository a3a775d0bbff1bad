package dev.consolidate.execute;

import dev.consolidate.fs.Sha256;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.testsupport.CommandLine;
import dev.consolidate.testsupport.Productions;
import dev.consolidate.testsupport.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The command line as the execute tests run it, and the outside views they judge a run by. */
final class Runs {
    private Runs() {
    }

    /** The shared test server as --scratch: no server is started per command. */
    static String scratch() {
        EmbeddedScratchServer s = TestPostgres.server();
        return "url:postgresql://postgres@127.0.0.1:" + s.port() + "/postgres";
    }

    /** The real command line, in-process, on {@code dir} with production {@code dbUrl} and the shared scratch server. */
    static CommandLine.Run cli(Map<String, String> env, Path dir, String dbUrl, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--dir", dir.toString(), "--scratch", scratch()));
        if (dbUrl != null) {
            all.addAll(List.of("--db-url", dbUrl));
        }
        return CommandLine.run(env, all.toArray(String[]::new));
    }

    /** Stops a test class's production and whatever its killed children left running; either may be null. */
    static void stop(Productions.Fixture production, Child child) {
        if (production != null) {
            production.close();
        }
        if (child != null) {
            org.junit.jupiter.api.Assertions.assertEquals(0, child.stopLeftovers(), "no child left a server running");
        }
    }

    /**
     * Every path below {@code root} (folders too, so an emptied folder left behind shows) with the
     * SHA-256 of its bytes, sorted; paths starting with one of {@code skipped} are left out.
     */
    static Map<String, String> tree(Path root, String... skipped) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root)).forEach(p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                for (String s : skipped) {
                    if (rel.equals(s) || rel.startsWith(s + "/")) {
                        return;
                    }
                }
                out.put(rel, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir" : Sha256.ofFile(p));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The files (not folders) directly or deeper below {@code dir}, relative to it. */
    static List<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
