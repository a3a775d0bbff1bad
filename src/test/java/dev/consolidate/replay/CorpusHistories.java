package dev.consolidate.replay;

import dev.consolidate.fs.Sha256;
import dev.consolidate.history.Migration;
import dev.consolidate.history.MigrationKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The corpora's migration lists in their tools' order, built with the least code that follows
 * each SOURCE.txt's apply rule; the replay under test must not depend on how they are found.
 */
final class CorpusHistories {
    private static final Pattern FLYWAY = Pattern.compile("([VR])([0-9._]*)__(.+)\\.sql");
    private static final Pattern DBMATE_UP = Pattern.compile("^-- migrate:up(.*)$", Pattern.MULTILINE);
    private static final Pattern STORAGE = Pattern.compile("(\\d+)-.+\\.sql");

    private CorpusHistories() {
    }

    /** Prisma: {@code <dir>/migration.sql} in directory-name order. */
    static List<Migration> prisma(Path migrations) {
        List<Migration> out = new ArrayList<>();
        for (Path dir : list(migrations).stream().filter(Files::isDirectory).sorted().toList()) {
            Path f = dir.resolve("migration.sql");
            if (Files.exists(f)) {
                out.add(migration(dir.getFileName().toString(), migrations, f, read(f), 1, true, false));
            }
        }
        return out;
    }

    /** Flyway: versioned by numeric version parts, then repeatables by description. */
    static List<Migration> flyway(Path migrations) {
        List<Path> versioned = new ArrayList<>();
        List<Path> repeatable = new ArrayList<>();
        for (Path f : list(migrations)) {
            Matcher m = FLYWAY.matcher(f.getFileName().toString());
            if (m.matches()) {
                (m.group(1).equals("V") ? versioned : repeatable).add(f);
            }
        }
        versioned.sort(Comparator.comparing(CorpusHistories::flywayVersion, CorpusHistories::compareVersions));
        repeatable.sort(Comparator.comparing(f -> f.getFileName().toString()));
        List<Migration> out = new ArrayList<>();
        for (Path f : versioned) {
            out.add(migration(flywayVersion(f), migrations, f, read(f), 1, true, false));
        }
        for (Path f : repeatable) {
            out.add(migration(null, migrations, f, read(f), 1, true, false));
        }
        return out;
    }

    /** dbmate: version order, only the up section (which starts on the line after its marker). */
    static List<Migration> dbmate(Path migrations) {
        List<Migration> out = new ArrayList<>();
        for (Path f : list(migrations).stream().filter(p -> p.getFileName().toString().matches("\\d+_.*\\.sql"))
                .sorted(Comparator.comparing(p -> new BigInteger(p.getFileName().toString().split("_")[0]))).toList()) {
            String text = read(f);
            Matcher up = DBMATE_UP.matcher(text);
            if (!up.find()) {
                continue;
            }
            int start = up.end() + 1;
            int down = text.indexOf("-- migrate:down", start);
            String section = text.substring(Math.min(start, text.length()), down < 0 ? text.length() : down);
            int startLine = (int) text.substring(0, Math.min(start, text.length())).chars().filter(c -> c == '\n').count() + 1;
            boolean transactional = !up.group(1).contains("transaction:false");
            out.add(migration(f.getFileName().toString().split("_")[0], migrations, f, section, startLine, transactional, false));
        }
        return out;
    }

    /** supabase/storage's runner: integer id order, ignore and disable-transaction markers. */
    static List<Migration> storage(Path migrations) {
        List<Migration> out = new ArrayList<>();
        for (Path f : list(migrations).stream().filter(p -> STORAGE.matcher(p.getFileName().toString()).matches())
                .sorted(Comparator.comparing(p -> Integer.parseInt(p.getFileName().toString().split("-")[0]))).toList()) {
            String text = read(f);
            out.add(migration(String.valueOf(Integer.parseInt(f.getFileName().toString().split("-")[0])), migrations, f, text, 1,
                    !text.contains("-- postgres-migrations disable-transaction"), text.contains("-- postgres-migrations ignore")));
        }
        return out;
    }

    /** Supabase CLI: {@code <digits>_<name>.sql} by version. */
    static List<Migration> supabase(Path migrations) {
        List<Migration> out = new ArrayList<>();
        for (Path f : list(migrations).stream().filter(p -> p.getFileName().toString().matches("[0-9]+_.*\\.sql")).sorted().toList()) {
            out.add(migration(f.getFileName().toString().split("_")[0], migrations, f, read(f), 1, true, false));
        }
        return out;
    }

    private static Migration migration(String version, Path root, Path f, String sql, int startLine, boolean transactional,
                                       boolean skipped) {
        String path = root.getParent().relativize(f).toString().replace('\\', '/');
        String name = f.getFileName().toString();
        MigrationKind kind = name.startsWith("R__") ? MigrationKind.REPEATABLE : MigrationKind.VERSIONED;
        return new Migration(version, name, kind, path, Sha256.hex(sql), null, sql, startLine, transactional, skipped);
    }

    private static String flywayVersion(Path f) {
        Matcher m = FLYWAY.matcher(f.getFileName().toString());
        m.matches();
        return m.group(2).replace('_', '.');
    }

    private static int compareVersions(String a, String b) {
        int[] x = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int[] y = Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray();
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
