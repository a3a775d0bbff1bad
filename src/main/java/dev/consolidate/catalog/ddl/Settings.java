package dev.consolidate.catalog.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Configuration settings as pg_db_role_setting keeps them ("name=value") turned back into SET
 * clauses. List settings such as search_path are written element by element, each as a literal,
 * the way pg_dump does: one literal holding "a, b" would become a single schema named "a, b".
 */
final class Settings {
    private static final Set<String> LIST_SETTINGS = Set.of("search_path", "temp_tablespaces", "session_preload_libraries",
            "local_preload_libraries");

    private Settings() {
    }

    static String name(String stored) {
        return stored.substring(0, stored.indexOf('='));
    }

    static String value(String stored) {
        return stored.substring(stored.indexOf('=') + 1);
    }

    /** "search_path TO 'measure', '$user', 'public'" for the stored "search_path=measure, \"$user\", public". */
    static String clause(String name, String value) {
        String n = name.contains(".") ? Sql.ident(name) : name.toLowerCase(Locale.ROOT);
        if (!LIST_SETTINGS.contains(name.toLowerCase(Locale.ROOT))) {
            return n + " TO " + Sql.literal(value);
        }
        List<String> literals = new ArrayList<>();
        for (String element : splitList(value)) {
            literals.add(Sql.literal(element));
        }
        return n + " TO " + (literals.isEmpty() ? "''" : String.join(", ", literals));
    }

    /** Splits a list setting's value at commas outside double quotes, removing those quotes. */
    static List<String> splitList(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else if (!Character.isWhitespace(c)) {
                cur.append(c);
                any = true;
            }
        }
        if (any || cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /** ALTER DATABASE on whatever database the baseline runs in (its name is not the source's). */
    static String alterCurrentDatabase(String action) {
        return "DO $setting$\nBEGIN\n    EXECUTE pg_catalog.format('ALTER DATABASE %I " + "%s', pg_catalog.current_database(), "
                + Sql.dollarQuoted(action) + ");\nEND\n$setting$;\n";
    }

    /** ALTER ROLE ... IN DATABASE on the database the baseline runs in. */
    static String alterRoleInCurrentDatabase(String role, String action) {
        return "DO $setting$\nBEGIN\n    EXECUTE pg_catalog.format('ALTER ROLE %I IN DATABASE %I %s', " + Sql.literal(role)
                + ", pg_catalog.current_database(), " + Sql.dollarQuoted(action) + ");\nEND\n$setting$;\n";
    }
}
