package dev.consolidate.catalog.ddl;

import dev.consolidate.catalog.model.AclItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * GRANT and REVOKE statements that turn the ACL an object has right after it is created (the
 * server default for its owner, plus the environment's default privileges) into the ACL it had in
 * the source. Computing from what the object will really start with is what keeps a revoked
 * default revoked (EXECUTE on a function from PUBLIC) and never widens a privilege.
 */
final class Privileges {
    private static final Map<Character, String> NAMES = Map.ofEntries(
            Map.entry('r', "SELECT"), Map.entry('a', "INSERT"), Map.entry('w', "UPDATE"), Map.entry('d', "DELETE"),
            Map.entry('D', "TRUNCATE"), Map.entry('x', "REFERENCES"), Map.entry('t', "TRIGGER"), Map.entry('m', "MAINTAIN"),
            Map.entry('X', "EXECUTE"), Map.entry('U', "USAGE"), Map.entry('C', "CREATE"), Map.entry('c', "CONNECT"),
            Map.entry('T', "TEMPORARY"), Map.entry('s', "SET"), Map.entry('A', "ALTER SYSTEM"));
    private static final String ORDER = "arwdDxtmXUCcTsA";

    private Privileges() {
    }

    static List<AclItem> parse(Collection<String> items) {
        List<AclItem> out = new ArrayList<>();
        for (String s : items) {
            out.add(AclItem.parse(s));
        }
        return out;
    }

    static List<AclItem> rename(List<AclItem> acl, String from, String to) {
        if (from.equals(to)) {
            return acl;
        }
        List<AclItem> out = new ArrayList<>();
        for (AclItem a : acl) {
            out.add(a.renameRole(from, to));
        }
        return out;
    }

    /**
     * Statements for an object-level ACL. {@code target} is e.g. "TABLE app.users" or
     * "FUNCTION app.f(integer)".
     */
    static String statements(String target, List<AclItem> initial, List<AclItem> wanted) {
        return statements("", target, initial, wanted, "");
    }

    /** Statements for a column's privileges: GRANT SELECT (col) ON TABLE t TO r. */
    static String columnStatements(String table, String column, List<AclItem> initial, List<AclItem> wanted) {
        return statements("", "TABLE " + table, initial, wanted, " (" + column + ")");
    }

    /**
     * GRANTs for the column privileges of a new relation (which starts with none), one statement
     * per grantee: GRANT SELECT (id, name), UPDATE (name) ON TABLE t TO r. {@code columns} maps each
     * column, as SQL, to its ACL, in column order.
     */
    static String columnGrants(String table, java.util.LinkedHashMap<String, List<AclItem>> columns) {
        // grantee -> grantable -> privilege -> columns, all in a stable order
        Map<String, Map<Boolean, Map<Character, List<String>>>> byGrantee = new TreeMap<>();
        for (Map.Entry<String, List<AclItem>> e : columns.entrySet()) {
            for (Map.Entry<String, Map<Character, Boolean>> g : index(e.getValue()).entrySet()) {
                for (Map.Entry<Character, Boolean> p : g.getValue().entrySet()) {
                    byGrantee.computeIfAbsent(g.getKey(), k -> new TreeMap<>())
                            .computeIfAbsent(p.getValue(), k -> new TreeMap<>(java.util.Comparator.comparingInt(ORDER::indexOf)))
                            .computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(e.getKey());
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Map<Boolean, Map<Character, List<String>>>> g : byGrantee.entrySet()) {
            for (Map.Entry<Boolean, Map<Character, List<String>>> option : g.getValue().entrySet()) {
                List<String> specs = new ArrayList<>();
                for (Map.Entry<Character, List<String>> p : option.getValue().entrySet()) {
                    specs.add(NAMES.get(p.getKey()) + " (" + String.join(", ", p.getValue()) + ")");
                }
                sb.append("GRANT ").append(String.join(", ", specs)).append(" ON TABLE ").append(table).append(" TO ")
                        .append(Sql.role(g.getKey())).append(option.getKey() ? " WITH GRANT OPTION" : "").append(";\n");
            }
        }
        return sb.toString();
    }

    /** ALTER DEFAULT PRIVILEGES ... GRANT/REVOKE for one default-privileges entry. */
    static String defaultStatements(String prefix, String objectWord, List<AclItem> initial, List<AclItem> wanted) {
        return statements(prefix, objectWord, initial, wanted, "");
    }

    private static String statements(String prefix, String target, List<AclItem> initial, List<AclItem> wanted, String columns) {
        Map<String, Map<Character, Boolean>> from = index(initial);
        Map<String, Map<Character, Boolean>> to = index(wanted);
        TreeSet<String> grantees = new TreeSet<>(from.keySet());
        grantees.addAll(to.keySet());
        StringBuilder sb = new StringBuilder();
        for (String g : grantees) {
            Map<Character, Boolean> has = from.getOrDefault(g, Map.of());
            Map<Character, Boolean> want = to.getOrDefault(g, Map.of());
            List<Character> revoke = new ArrayList<>();
            List<Character> revokeOption = new ArrayList<>();
            List<Character> grant = new ArrayList<>();
            List<Character> grantWithOption = new ArrayList<>();
            for (char p : ORDER.toCharArray()) {
                Boolean h = has.get(p);
                Boolean w = want.get(p);
                if (h != null && w == null) {
                    revoke.add(p);
                } else if (h != null && h && !w) {
                    revokeOption.add(p);
                } else if (w != null && (h == null || (w && !h))) {
                    (w ? grantWithOption : grant).add(p);
                }
            }
            String on = " ON " + target;
            if (!revoke.isEmpty()) {
                String privs = want.isEmpty() && columns.isEmpty() ? "ALL" : names(revoke, columns);
                sb.append(prefix).append("REVOKE ").append(privs).append(on).append(" FROM ").append(Sql.role(g)).append(";\n");
            }
            if (!revokeOption.isEmpty()) {
                sb.append(prefix).append("REVOKE GRANT OPTION FOR ").append(names(revokeOption, columns)).append(on)
                        .append(" FROM ").append(Sql.role(g)).append(";\n");
            }
            if (!grant.isEmpty()) {
                sb.append(prefix).append("GRANT ").append(names(grant, columns)).append(on).append(" TO ").append(Sql.role(g)).append(";\n");
            }
            if (!grantWithOption.isEmpty()) {
                sb.append(prefix).append("GRANT ").append(names(grantWithOption, columns)).append(on).append(" TO ")
                        .append(Sql.role(g)).append(" WITH GRANT OPTION;\n");
            }
        }
        return sb.toString();
    }

    private static String names(List<Character> privileges, String columns) {
        StringBuilder sb = new StringBuilder();
        for (char p : privileges) {
            sb.append(sb.length() == 0 ? "" : ", ").append(NAMES.get(p)).append(columns);
        }
        return sb.toString();
    }

    /** grantee -> privilege -> grantable; grantors are not kept (the owner grants everything here). */
    private static Map<String, Map<Character, Boolean>> index(List<AclItem> acl) {
        Map<String, Map<Character, Boolean>> m = new TreeMap<>();
        for (AclItem a : acl) {
            Map<Character, Boolean> privs = m.computeIfAbsent(a.grantee(), k -> new TreeMap<>());
            String p = a.privileges();
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c == '*') {
                    continue;
                }
                boolean grantable = i + 1 < p.length() && p.charAt(i + 1) == '*';
                privs.merge(c, grantable, Boolean::logicalOr);
            }
        }
        return m;
    }
}
