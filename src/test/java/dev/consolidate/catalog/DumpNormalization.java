package dev.consolidate.catalog;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What is known to differ between two {@code pg_dump --schema-only} outputs of catalogs that are
 * the same, each rule with its reason. Besides these text rules, the source side is dumped after
 * one round trip through pg_dump and a restore, because the server's deparse is not a fixpoint
 * (measure's CHECK (name IN (...)) on a varchar column prints differently once re-created from its
 * own text): see {@link PgDumpOracle}.
 */
final class DumpNormalization {

    record Rule(String reason, UnaryOperator<String> apply) {
    }

    private static final Pattern RESTRICT = Pattern.compile("(?m)^\\\\(un)?restrict [A-Za-z0-9]+\\n");

    static final List<Rule> RULES = List.of(
            new Rule("pg_dump 15.14 and later guard the script with \\restrict/\\unrestrict and a random key per run",
                    s -> RESTRICT.matcher(s).replaceAll("")),
            new Rule("an object's GRANT/REVOKE lines follow the order of its ACL array, i.e. the order grants were made;"
                    + " privileges are a set of (object, grantee, privilege, grantable), so each run of them is sorted",
                    DumpNormalization::sortPrivilegeRuns));

    private static String sortPrivilegeRuns(String dump) {
        StringBuilder out = new StringBuilder();
        List<String> run = new java.util.ArrayList<>();
        for (String line : dump.split("\n", -1)) {
            if (line.startsWith("GRANT ") || line.startsWith("REVOKE ")) {
                run.add(line);
                continue;
            }
            flush(run, out);
            out.append(line).append('\n');
        }
        flush(run, out);
        return out.substring(0, out.length() - 1);
    }

    private static void flush(List<String> run, StringBuilder out) {
        java.util.Collections.sort(run);
        for (String l : run) {
            out.append(l).append('\n');
        }
        run.clear();
    }

    private DumpNormalization() {
    }

    static String apply(String dump) {
        String s = dump;
        for (Rule r : RULES) {
            s = r.apply().apply(s);
        }
        return s;
    }
}
