package dev.consolidate.scratch;

import dev.consolidate.problem.Problem;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What {@code --scratch} asks for: the bundled embedded server (the default), an existing server
 * reached by URL on which the tool creates and drops its own databases, or a container image
 * started through Testcontainers.
 */
public sealed interface ScratchSpec permits ScratchSpec.Embedded, ScratchSpec.Url, ScratchSpec.Docker {

    /** The option's accepted forms, for usage messages. */
    String FORMS = "embedded (default), url:<postgresql://user@host:5432/db or jdbc:postgresql://host:5432/db>, docker:<image>";

    /** A line describing the choice, safe to print (never holds a password). */
    String describe();

    /**
     * Parses the option's value; null or blank means embedded. A value the tool cannot use is a
     * usage error that names the accepted forms without repeating the value (it may hold a
     * password).
     */
    static ScratchSpec parse(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("embedded")) {
            return new Embedded();
        }
        String v = value.strip();
        int colon = v.indexOf(':');
        String kind = colon < 0 ? v : v.substring(0, colon);
        String rest = colon < 0 ? "" : v.substring(colon + 1);
        switch (kind.toLowerCase(Locale.ROOT)) {
            case "url":
                return new Url(ServerUrl.parse(rest));
            case "docker":
                return Docker.of(rest);
            default:
                throw Problem.usage("Unknown scratch server kind '" + printable(kind) + "' in --scratch.")
                        .why("--scratch accepts " + FORMS + ".")
                        .fix("Give one of those forms, e.g. --scratch docker:postgres:16.")
                        .state("nothing changed.")
                        .build();
        }
    }

    private static String printable(String kind) {
        String k = kind.length() > 20 ? kind.substring(0, 20) + "..." : kind;
        return k.replaceAll("[^\\p{Alnum}._-]", "?");
    }

    /** PostgreSQL started by the tool from the binaries bundled in the jar. */
    record Embedded() implements ScratchSpec {
        @Override
        public String describe() {
            return "embedded (bundled PostgreSQL)";
        }
    }

    /** An existing server; the URL's database is only used to create and drop the tool's own. */
    record Url(ServerUrl server) implements ScratchSpec {
        @Override
        public String describe() {
            return "server at " + server.display();
        }
    }

    /** A PostgreSQL-compatible image run through Testcontainers (needs a Docker engine). */
    record Docker(String image) implements ScratchSpec {
        private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@-]*");

        static Docker of(String image) {
            String i = image.strip();
            if (!IMAGE.matcher(i).matches()) {
                throw Problem.usage("--scratch docker: needs an image name, e.g. docker:postgres:16 or docker:pgvector/pgvector:pg16.")
                        .why(i.isEmpty() ? "no image was given after 'docker:'." : "the image name holds characters an image reference cannot hold.")
                        .fix("Give the image as Docker writes it: [registry/]name[:tag][@digest].")
                        .state("nothing changed.")
                        .build();
            }
            return new Docker(i);
        }

        @Override
        public String describe() {
            return "container " + image;
        }
    }
}
