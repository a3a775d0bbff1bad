package dev.consolidate.replay;

import dev.consolidate.history.Tool;
import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A platform whose databases hold objects before any migration runs (Supabase: roles, the auth
 * and storage schemas, extensions on the search path). Kept as SQL resources under
 * {@code consolidate/profile/<name>/}, listed by its {@code profile.properties}.
 *
 * @param name           e.g. "supabase"
 * @param scripts        resource names of the SQL scripts, in the order they run
 * @param managedSchemas schemas the platform manages: a baseline never creates them, but objects
 *                       the history puts into them are the history's
 * @param roles          the roles the platform brings (cluster-wide)
 * @param extensions     the extensions the profile installs
 */
public record Profile(String name, List<String> scripts, SortedSet<String> managedSchemas, SortedSet<String> roles,
                      SortedSet<String> extensions) {
    /** The profiles this build ships. */
    public static final List<String> NAMES = List.of("supabase");

    private static final String ROOT = "/consolidate/profile/";

    public Profile {
        scripts = List.copyOf(scripts);
        managedSchemas = sorted(managedSchemas);
        roles = sorted(roles);
        extensions = sorted(extensions);
    }

    /**
     * The profile {@code --profile} names: "none" for no profile, null for the tool's default
     * ({@link #defaultFor(Tool)}).
     */
    public static Optional<Profile> forOption(String option, Tool tool) {
        if (option == null) {
            return defaultFor(tool);
        }
        if (option.equals("none")) {
            return Optional.empty();
        }
        return Optional.of(named(option));
    }

    /** Supabase migrations assume the Supabase platform; the other tools assume nothing. */
    public static Optional<Profile> defaultFor(Tool tool) {
        return tool == Tool.SUPABASE ? Optional.of(named("supabase")) : Optional.empty();
    }

    public static Profile named(String name) {
        if (!NAMES.contains(name)) {
            throw Problem.usage("There is no profile named '" + name + "'.")
                    .why("the profiles this build ships are " + NAMES + " (and 'none').")
                    .fix("Use --profile supabase or --profile none; describe anything else a database needs with --bootstrap <file.sql>.")
                    .state("nothing changed.")
                    .build();
        }
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(open(name, "profile.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Profile(name, list(p, "scripts"), new TreeSet<>(list(p, "managed-schemas")),
                new TreeSet<>(list(p, "roles")), new TreeSet<>(list(p, "extensions")));
    }

    /** The text of one of {@link #scripts()}. */
    public String script(String script) {
        try (InputStream in = open(name, script)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String profile, String file) {
        InputStream in = Profile.class.getResourceAsStream(ROOT + profile + "/" + file);
        if (in == null) {
            throw new IllegalStateException("profile resource missing from the build: " + ROOT + profile + "/" + file);
        }
        return in;
    }

    private static List<String> list(Properties p, String key) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() ? List.of() : Arrays.stream(v.split("\\s*,\\s*")).toList();
    }

    private static SortedSet<String> sorted(SortedSet<String> s) {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(s));
    }
}
