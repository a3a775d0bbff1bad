package dev.consolidate.catalog.diff;

import dev.consolidate.catalog.model.ObjectKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What parity covers, declared in one place and printed in every report: the kinds compared, the
 * fields ignored per kind, and the fields holding expressions the server deparses (those are
 * settled by an {@link ExpressionOracle}, not by text). Paths name list elements by name with
 * {@code [*]} standing for any element.
 */
public record ComparisonRules(Set<ObjectKind> comparedKinds, Map<ObjectKind, Set<String>> ignoredFields,
                              Map<ObjectKind, Set<String>> expressionFields, boolean ownersCompared) {

    public static final String OWNER_PLACEHOLDER = "<owner>";

    private static final Map<ObjectKind, Set<String>> EXPRESSIONS = expressions();

    public ComparisonRules {
        comparedKinds = Collections.unmodifiableSet(EnumSet.copyOf(comparedKinds));
        ignoredFields = Collections.unmodifiableMap(new EnumMap<>(ignoredFields));
        expressionFields = Collections.unmodifiableMap(new EnumMap<>(expressionFields));
    }

    /** Every kind, every field. */
    public static ComparisonRules standard() {
        return new ComparisonRules(EnumSet.allOf(ObjectKind.class), new EnumMap<>(ObjectKind.class), EXPRESSIONS, true);
    }

    /**
     * Ownership left out (the no-owner option): {@code owner} is ignored everywhere and in ACLs the
     * owner's name stands as {@value #OWNER_PLACEHOLDER}, so the owner's own grants still compare.
     */
    public ComparisonRules withoutOwners() {
        Map<ObjectKind, Set<String>> ignored = new EnumMap<>(ObjectKind.class);
        for (ObjectKind k : ObjectKind.values()) {
            Set<String> s = new TreeSet<>(ignoredFields.getOrDefault(k, Set.of()));
            s.add("owner");
            ignored.put(k, Collections.unmodifiableSet(s));
        }
        return new ComparisonRules(comparedKinds, ignored, expressionFields, false);
    }

    public boolean compares(ObjectKind kind) {
        return comparedKinds.contains(kind);
    }

    /** Whether a path (e.g. "columns[email].default") is ignored; its top-level field decides. */
    public boolean ignores(ObjectKind kind, String path) {
        Set<String> fields = ignoredFields.get(kind);
        return fields != null && fields.contains(topLevel(path));
    }

    public boolean isExpression(ObjectKind kind, String path) {
        Set<String> fields = expressionFields.get(kind);
        return fields != null && fields.contains(path.replaceAll("\\[[^\\]]*\\]", "[*]"));
    }

    /** The rules as text, for the parity report. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("Compared kinds: ");
        StringBuilder kinds = new StringBuilder();
        for (ObjectKind k : comparedKinds) {
            kinds.append(kinds.length() == 0 ? "" : ", ").append(k.plural());
        }
        sb.append(kinds).append(".\n");
        sb.append("Every field of each object's description is compared (column order included)");
        boolean any = false;
        for (Map.Entry<ObjectKind, Set<String>> e : ignoredFields.entrySet()) {
            if (!e.getValue().isEmpty() && !ownersOnly(e.getValue())) {
                sb.append(any ? "; " : ", except: ").append(e.getKey().label()).append(" ").append(String.join(", ", e.getValue()));
                any = true;
            }
        }
        sb.append(".\n");
        sb.append(ownersCompared ? "Ownership is compared.\n"
                : "Ownership is NOT compared (no-owner option): owners are ignored and ACL entries name the owner as "
                + OWNER_PLACEHOLDER + ".\n");
        sb.append("Expressions compared by round trip through the server, not by text: ");
        StringBuilder ex = new StringBuilder();
        for (Map.Entry<ObjectKind, Set<String>> e : expressionFields.entrySet()) {
            ex.append(ex.length() == 0 ? "" : "; ").append(e.getKey().label()).append(" ").append(String.join(", ", e.getValue()));
        }
        return sb.append(ex).append(".\n").toString();
    }

    private boolean ownersOnly(Set<String> fields) {
        return !ownersCompared && fields.size() == 1 && fields.contains("owner");
    }

    static String topLevel(String path) {
        int i = 0;
        while (i < path.length() && path.charAt(i) != '.' && path.charAt(i) != '[' && path.charAt(i) != ' ') {
            i++;
        }
        return path.substring(0, i);
    }

    private static Map<ObjectKind, Set<String>> expressions() {
        Map<ObjectKind, Set<String>> m = new EnumMap<>(ObjectKind.class);
        m.put(ObjectKind.TABLE, new TreeSet<>(Set.of("columns[*].default", "columns[*].expression")));
        m.put(ObjectKind.CONSTRAINT, new TreeSet<>(Set.of("definition")));
        m.put(ObjectKind.INDEX, new TreeSet<>(Set.of("definition")));
        m.put(ObjectKind.POLICY, new TreeSet<>(Set.of("using", "with_check")));
        m.put(ObjectKind.VIEW, new TreeSet<>(Set.of("definition")));
        m.put(ObjectKind.MATERIALIZED_VIEW, new TreeSet<>(Set.of("definition")));
        m.put(ObjectKind.TRIGGER, new TreeSet<>(Set.of("definition")));
        m.put(ObjectKind.DOMAIN, new TreeSet<>(Set.of("default", "constraints[*].definition")));
        Map<ObjectKind, Set<String>> frozen = new EnumMap<>(ObjectKind.class);
        m.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(v)));
        return frozen;
    }
}
