package dev.consolidate.scratch;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The PostgreSQL majors shipped inside the jar for the embedded scratch server (linux x86_64),
 * and the choice of the one closest to production's major.
 */
public final class BundledPostgres {
    static final String RESOURCE = "/consolidate/pg/%d/postgres-linux-x86_64.txz";
    private static final int[] CANDIDATES = {15, 16, 17, 18};

    private BundledPostgres() {
    }

    /** The majors present on the classpath, ascending. */
    public static List<Integer> majors() {
        List<Integer> found = new ArrayList<>();
        for (int m : CANDIDATES) {
            if (BundledPostgres.class.getResource(String.format(RESOURCE, m)) != null) {
                found.add(m);
            }
        }
        return found;
    }

    /**
     * The bundled major closest to {@code wanted}; on a tie the newer one (a newer server accepts
     * what an older one wrote, not the other way round).
     */
    public static int closest(int wanted) {
        List<Integer> majors = majors();
        if (majors.isEmpty()) {
            throw new IllegalStateException("no PostgreSQL binaries are bundled in this build");
        }
        return majors.stream()
                .min(Comparator.<Integer>comparingInt(m -> Math.abs(m - wanted)).thenComparing(Comparator.reverseOrder()))
                .orElseThrow();
    }

    /** The default when nothing tells us production's major. */
    public static int defaultMajor() {
        List<Integer> majors = majors();
        return majors.contains(15) ? 15 : majors.get(majors.size() - 1);
    }

    static InputStream open(int major) {
        InputStream in = BundledPostgres.class.getResourceAsStream(String.format(RESOURCE, major));
        if (in == null) {
            throw new IllegalStateException("PostgreSQL " + major + " is not bundled; bundled: " + majors());
        }
        return in;
    }
}
