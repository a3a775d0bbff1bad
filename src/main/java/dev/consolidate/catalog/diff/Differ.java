package dev.consolidate.catalog.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.AclItem;
import dev.consolidate.catalog.model.CanonicalJson;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKind;
import dev.consolidate.catalog.model.Snapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two (scoped) snapshots object by object. Equal hashes settle an object at once; other
 * objects are compared field by field, lists of named elements by name (so a changed column is
 * named) and in order, ignoring what {@link ComparisonRules} ignores and asking the
 * {@link ExpressionOracle} about expression fields before calling them different.
 */
public final class Differ {
    private final ComparisonRules rules;
    private final ExpressionOracle oracle;

    public Differ(ComparisonRules rules, ExpressionOracle oracle) {
        this.rules = rules;
        this.oracle = oracle;
    }

    public SnapshotDiff diff(Snapshot expected, Snapshot actual) {
        List<ObjectDifference> out = new ArrayList<>();
        // both iterate in key order: walk them side by side
        Iterator<CatalogObject> ei = expected.objects().iterator();
        Iterator<CatalogObject> ai = actual.objects().iterator();
        CatalogObject nextE = ei.hasNext() ? ei.next() : null;
        CatalogObject nextA = ai.hasNext() ? ai.next() : null;
        while (nextE != null || nextA != null) {
            int c = nextE == null ? 1 : nextA == null ? -1 : nextE.key().compareTo(nextA.key());
            CatalogObject e = c <= 0 ? nextE : null;
            CatalogObject a = c >= 0 ? nextA : null;
            if (e != null) {
                nextE = ei.hasNext() ? ei.next() : null;
            }
            if (a != null) {
                nextA = ai.hasNext() ? ai.next() : null;
            }
            if (!rules.compares((e == null ? a : e).kind())) {
                continue;
            }
            if (e == null) {
                out.add(new ObjectDifference.Added(a));
            } else if (a == null) {
                out.add(new ObjectDifference.Removed(e));
            } else if (!e.hash().equals(a.hash())) {
                List<FieldDifference> fields = compareFields(e, a);
                if (!fields.isEmpty()) {
                    out.add(new ObjectDifference.Changed(e, a, fields));
                }
            }
        }
        return new SnapshotDiff(out, counts(expected, actual), rules);
    }

    private List<KindCount> counts(Snapshot expected, Snapshot actual) {
        Map<ObjectKind, Integer> e = expected.counts();
        Map<ObjectKind, Integer> a = actual.counts();
        Map<ObjectKind, KindCount> m = new EnumMap<>(ObjectKind.class);
        for (ObjectKind k : ObjectKind.values()) {
            if (rules.compares(k) && (e.containsKey(k) || a.containsKey(k))) {
                m.put(k, new KindCount(k, e.getOrDefault(k, 0), a.getOrDefault(k, 0)));
            }
        }
        return new ArrayList<>(m.values());
    }

    private List<FieldDifference> compareFields(CatalogObject e, CatalogObject a) {
        ObjectNode ef = e.fields();
        ObjectNode af = a.fields();
        if (!rules.ownersCompared()) {
            normalizeOwner(ef);
            normalizeOwner(af);
        }
        List<FieldDifference> out = new ArrayList<>();
        compare(e, a, "", ef, af, out);
        return out;
    }

    private void compare(CatalogObject e, CatalogObject a, String path, JsonNode x, JsonNode y, List<FieldDifference> out) {
        if (x != null && x.equals(y)) {
            return;
        }
        ObjectKind kind = e.kind();
        if (!path.isEmpty() && rules.ignores(kind, path)) {
            return;
        }
        if (x != null && y != null && x.isObject() && y.isObject()) {
            Set<String> names = new TreeSet<>();
            x.fieldNames().forEachRemaining(names::add);
            y.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                compare(e, a, path.isEmpty() ? n : path + "." + n, x.get(n), y.get(n), out);
            }
            return;
        }
        if (x != null && y != null && CanonicalJson.isNamedList(x) && CanonicalJson.isNamedList(y)) {
            List<String> xs = names(x);
            List<String> ys = names(y);
            List<String> common = new ArrayList<>(xs);
            common.retainAll(ys);
            List<String> commonInY = new ArrayList<>(ys);
            commonInY.retainAll(xs);
            if (!common.equals(commonInY)) {
                out.add(new FieldDifference(path + " (order)", String.join(", ", xs), String.join(", ", ys)));
            }
            Set<String> all = new LinkedHashSet<>(xs);
            all.addAll(ys);
            for (String n : all) {
                compare(e, a, path + "[" + n + "]", element(x, n), element(y, n), out);
            }
            return;
        }
        if (x != null && y != null && x.isTextual() && y.isTextual() && rules.isExpression(kind, path)
                && oracle.sameExpression(e, a, path, x.textValue(), y.textValue())) {
            return;
        }
        out.add(new FieldDifference(path, x == null ? null : CanonicalJson.render(x), y == null ? null : CanonicalJson.render(y)));
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode el : list) {
            out.add(el.get("name").textValue());
        }
        return out;
    }

    private static JsonNode element(JsonNode list, String name) {
        for (JsonNode el : list) {
            if (name.equals(el.get("name").textValue())) {
                return el;
            }
        }
        return null;
    }

    /** Replaces the owner's name in every ACL of the description by the placeholder. */
    private static void normalizeOwner(ObjectNode fields) {
        JsonNode owner = fields.get("owner");
        if (owner == null || !owner.isTextual()) {
            return;
        }
        renameInAcls(fields, owner.textValue());
    }

    private static void renameInAcls(JsonNode node, String owner) {
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> f : o.properties()) {
                if (f.getKey().equals("acl") && f.getValue().isArray()) {
                    ArrayNode renamed = JsonNodeFactory.instance.arrayNode();
                    List<String> items = new ArrayList<>();
                    for (JsonNode item : f.getValue()) {
                        items.add(AclItem.parse(item.asText()).renameRole(owner, ComparisonRules.OWNER_PLACEHOLDER).text());
                    }
                    items.sort(null);
                    items.forEach(renamed::add);
                    f.setValue(renamed);
                } else {
                    renameInAcls(f.getValue(), owner);
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode el : node) {
                renameInAcls(el, owner);
            }
        }
    }
}
