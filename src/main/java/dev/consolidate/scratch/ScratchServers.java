package dev.consolidate.scratch;

import dev.consolidate.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Opens the scratch server a {@link ScratchSpec} asks for, matched to production's major. */
public final class ScratchServers {
    private ScratchServers() {
    }

    /**
     * Starts or connects to the server, then drops the scratch databases an interrupted run left on
     * it. {@code productionMajor} is empty when production's version is not known (no connection
     * yet, or a plan made offline).
     */
    public static OpenedScratch open(ScratchSpec spec, OptionalInt productionMajor) {
        List<String> notices = new ArrayList<>();
        ScratchServer server;
        if (spec instanceof ScratchSpec.Embedded) {
            int major = productionMajor.isPresent() ? BundledPostgres.closest(productionMajor.getAsInt()) : BundledPostgres.defaultMajor();
            if (productionMajor.isPresent() && major != productionMajor.getAsInt()) {
                notices.add(majorNotice(productionMajor.getAsInt(), "the closest bundled scratch server is " + major, major));
            }
            server = startEmbedded(major);
        } else if (spec instanceof ScratchSpec.Url url) {
            server = UrlScratchServer.connect(url.server());
            mismatch(productionMajor, server, "the scratch server at " + url.server().display() + " runs " + server.major(), notices);
        } else {
            ScratchSpec.Docker docker = (ScratchSpec.Docker) spec;
            server = DockerScratchServer.start(docker.image());
            mismatch(productionMajor, server, "the scratch image " + docker.image() + " runs " + server.major(), notices);
        }
        try {
            int reaped = server.reapOrphans();
            if (reaped > 0) {
                notices.add("dropped " + reaped + " scratch database" + (reaped == 1 ? "" : "s")
                        + " left on " + server.description() + " by an interrupted run.");
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return new OpenedScratch(server, notices);
    }

    private static ScratchServer startEmbedded(int major) {
        try {
            return EmbeddedScratchServer.start(major);
        } catch (RuntimeException e) {
            throw Problem.precondition("Could not start the embedded scratch server (PostgreSQL " + major + "): " + e.getMessage())
                    .why("the bundled server unpacks into the temporary directory and listens on a free loopback port.")
                    .fix("Check free space and permissions of java.io.tmpdir (" + System.getProperty("java.io.tmpdir")
                            + "), or use --scratch url:<server URL> or --scratch docker:<image>.")
                    .state("nothing changed.")
                    .cause(e)
                    .build();
        }
    }

    private static void mismatch(OptionalInt productionMajor, ScratchServer server, String what, List<String> notices) {
        if (productionMajor.isPresent() && productionMajor.getAsInt() != server.major()) {
            notices.add(majorNotice(productionMajor.getAsInt(), what, server.major()));
        }
    }

    /** The embedded case reads: "production runs PostgreSQL 14; the closest bundled scratch server is 15: ...". */
    static String majorNotice(int production, String what, int scratch) {
        return "production runs PostgreSQL " + production + "; " + what + ": the replay and the parity proof run on "
                + scratch + ", so behaviour that differs between " + Math.min(production, scratch) + " and "
                + Math.max(production, scratch) + " (catalog output, defaults, syntax) may show up. For an exact match use "
                + "--scratch docker:postgres:" + production + " or --scratch url:<a PostgreSQL " + production + " server>.";
    }
}
