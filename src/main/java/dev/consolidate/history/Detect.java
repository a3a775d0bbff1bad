package dev.consolidate.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Cheap looks at a folder for recognising a tool's layout: names only, and a few file heads. */
final class Detect {
    private static final int HEAD_BYTES = 8192;

    private Detect() {
    }

    static long countFiles(Path dir, Predicate<String> name) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> name.test(p.getFileName().toString())).count();
        } catch (IOException e) {
            return 0;
        }
    }

    static long countDirs(Path dir, Predicate<Path> dirTest) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(dirTest).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether one of the first {@code max} files (by name) matching {@code name} has a line starting with {@code marker}. */
    static boolean someHeadHasLine(Path dir, Predicate<String> name, String marker, int max) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> name.test(p.getFileName().toString()))
                    .sorted().limit(max).toList();
        } catch (IOException e) {
            return false;
        }
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                String head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
                for (String line : head.split("\\R")) {
                    if (line.startsWith(marker)) {
                        return true;
                    }
                }
            } catch (IOException e) {
                // an unreadable file is reported by discovery, not here
            }
        }
        return false;
    }
}
