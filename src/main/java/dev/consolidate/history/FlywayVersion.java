package dev.consolidate.history;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Flyway version: digits separated by '.' or '_', compared part by part as numbers (1.10 > 1.9,
 * 10 > 9), missing parts counting as zero (1 equals 1.0), as Flyway's MigrationVersion does.
 */
final class FlywayVersion implements Comparable<FlywayVersion> {
    private static final Pattern VALID = Pattern.compile("\\d+([._]\\d+)*");

    private final List<BigInteger> parts;
    private final String text;

    private FlywayVersion(List<BigInteger> parts, String text) {
        this.parts = parts;
        this.text = text;
    }

    /** The version of a file name's version part ("1_1", "2.1"), or null when Flyway would not accept it. */
    static FlywayVersion parse(String raw) {
        if (raw == null || !VALID.matcher(raw).matches()) {
            return null;
        }
        String normalized = raw.replace('_', '.');
        List<BigInteger> parts = new ArrayList<>();
        for (String p : normalized.split("\\.")) {
            parts.add(new BigInteger(p));
        }
        return new FlywayVersion(List.copyOf(parts), normalized);
    }

    @Override
    public int compareTo(FlywayVersion o) {
        int n = Math.max(parts.size(), o.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < o.parts.size() ? o.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlywayVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int last = parts.size();
        while (last > 1 && parts.get(last - 1).signum() == 0) {
            last--;
        }
        return parts.subList(0, last).hashCode();
    }

    /** The version as Flyway records it: '_' written as '.'. */
    @Override
    public String toString() {
        return text;
    }
}
