package dev.consolidate.catalog;

import dev.consolidate.fs.Sha256;
import dev.consolidate.history.Migration;
import dev.consolidate.history.MigrationKind;
import dev.consolidate.replay.EnvironmentSpec;
import dev.consolidate.replay.Profile;
import dev.consolidate.testsupport.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One scenario folder under src/test/resources/catalog/scenarios: {@code history.sql} (or a
 * {@code history.txt} naming a project folder whose *.sql files run in name order), an optional
 * {@code profile} (its name) and {@code environment.sql} (a bootstrap), an optional
 * {@code change.sql} applied on top for the diff report; expected outputs beside them.
 */
record Scenario(String name, Path dir) {
    static final Path ROOT = ProjectRoot.get().resolve("src/test/resources/catalog/scenarios");

    static List<Scenario> all() {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory).sorted().map(p -> new Scenario(p.getFileName().toString(), p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Scenario named(String name) {
        return new Scenario(name, ROOT.resolve(name));
    }

    EnvironmentSpec environment() {
        EnvironmentSpec spec = EnvironmentSpec.none();
        Optional<String> profile = text("profile").map(String::strip);
        if (profile.isPresent()) {
            spec = spec.withProfile(Profile.named(profile.get()));
        }
        if (Files.exists(dir.resolve("environment.sql"))) {
            spec = spec.withBootstrap(dir.resolve("environment.sql"), name + "/environment.sql");
        }
        Optional<String> settings = text("settings");
        if (settings.isPresent()) {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            for (String line : settings.get().split("\n")) {
                if (line.contains("=")) {
                    m.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1).strip());
                }
            }
            spec = spec.withSessionSettings(m);
        }
        return spec;
    }

    List<Migration> history() {
        List<Migration> out = new ArrayList<>();
        Optional<String> folder = text("history.txt").map(String::strip);
        if (folder.isPresent()) {
            try (Stream<Path> s = Files.list(ProjectRoot.get().resolve(folder.get()))) {
                for (Path p : s.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                    out.add(migration(folder.get() + "/" + p.getFileName(), read(p)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out.add(migration(name + "/history.sql", read(dir.resolve("history.sql"))));
        }
        return out;
    }

    Optional<String> change() {
        return text("change.sql");
    }

    Optional<String> text(String file) {
        Path p = dir.resolve(file);
        return Files.exists(p) ? Optional.of(read(p)) : Optional.empty();
    }

    Path expected(String file) {
        return dir.resolve("expected").resolve(file);
    }

    static Migration migration(String path, String sql) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        String version = file.contains("_") ? file.substring(0, file.indexOf('_')) : file;
        return new Migration(version, file, MigrationKind.VERSIONED, path, Sha256.hex(sql), null, sql, 1, true, false);
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
