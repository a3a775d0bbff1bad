package dev.consolidate.replay;

import dev.consolidate.history.Tool;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a scratch database needs before a history (or a baseline) can be applied to it: a
 * platform profile, a bootstrap script, and settings of the session the migrations run in. The
 * same spec builds the same environment again, which is how parity rebuilds it before applying a
 * baseline.
 *
 * @param profile         the platform profile, if any
 * @param bootstrap       an SQL file run once the profile is in place ({@code --bootstrap}), if any
 * @param bootstrapLabel  how the bootstrap file is named in messages (a project-relative path)
 * @param sessionSettings settings of the session (name to value, e.g. search_path to
 *                        "storage,public", storage.install_roles to "true"), applied in the given order
 */
public record EnvironmentSpec(Optional<Profile> profile, Optional<Path> bootstrap, String bootstrapLabel,
                              Map<String, String> sessionSettings) {

    public EnvironmentSpec {
        sessionSettings = Collections.unmodifiableMap(new LinkedHashMap<>(sessionSettings));
        if (bootstrapLabel == null) {
            bootstrapLabel = bootstrap.map(Path::toString).orElse("");
        }
    }

    /**
     * The spec the command line's settings describe.
     *
     * @param profileOption   {@code --profile}: "none", a profile name, or null for the tool's default
     * @param tool            the history's tool
     * @param bootstrap       {@code --bootstrap}, or null
     * @param projectRoot     the project, to name the bootstrap file relative to it in messages
     * @param sessionSettings {@code --set} and the job file's settings, in the order given
     */
    public static EnvironmentSpec of(String profileOption, Tool tool, Path bootstrap, Path projectRoot,
                                     Map<String, String> sessionSettings) {
        Optional<Path> file = Optional.ofNullable(bootstrap);
        String label = file.map(b -> {
            Path abs = b.toAbsolutePath().normalize();
            Path root = projectRoot.toAbsolutePath().normalize();
            return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : b.toString();
        }).orElse("");
        return new EnvironmentSpec(Profile.forOption(profileOption, tool), file, label, sessionSettings);
    }

    /** Nothing: a database from template0 as it is. */
    public static EnvironmentSpec none() {
        return new EnvironmentSpec(Optional.empty(), Optional.empty(), "", Map.of());
    }

    public EnvironmentSpec withProfile(Profile p) {
        return new EnvironmentSpec(Optional.of(p), bootstrap, bootstrapLabel, sessionSettings);
    }

    /** {@code label} is how messages name the file, e.g. its path relative to the project. */
    public EnvironmentSpec withBootstrap(Path file, String label) {
        return new EnvironmentSpec(profile, Optional.of(file), label, sessionSettings);
    }

    public EnvironmentSpec withSessionSettings(Map<String, String> settings) {
        return new EnvironmentSpec(profile, bootstrap, bootstrapLabel, settings);
    }
}
