package dev.consolidate.catalog.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.consolidate.catalog.model.CanonicalJson;

/**
 * A {@link SnapshotDiff} rendered for people (Markdown) and for machines (JSON), from the same
 * record. Values are catalog text (definitions, names), never migration file contents.
 */
public final class DiffReport {
    private static final int MAX_VALUE = 400;

    private DiffReport() {
    }

    public static String markdown(SnapshotDiff diff, String expectedLabel, String actualLabel) {
        StringBuilder sb = new StringBuilder();
        sb.append("Expected: ").append(expectedLabel).append('\n');
        sb.append("Actual: ").append(actualLabel).append("\n\n");
        sb.append("| kind | expected | actual |\n|---|---:|---:|\n");
        for (KindCount c : diff.counts()) {
            sb.append("| ").append(c.kind().plural()).append(" | ").append(c.expected()).append(" | ").append(c.actual())
                    .append(c.matches() ? "" : " (differs)").append(" |\n");
        }
        sb.append('\n');
        if (diff.isEmpty()) {
            sb.append("No differences.\n");
        } else {
            sb.append(diff.differences().size()).append(" difference(s):\n\n");
            for (ObjectDifference d : diff.differences()) {
                if (d instanceof ObjectDifference.Removed r) {
                    sb.append("- missing: ").append(r.key().display()).append(r.object().isDropped() ? " (dropped from the environment)" : "").append('\n');
                } else if (d instanceof ObjectDifference.Added a) {
                    sb.append("- unexpected: ").append(a.key().display()).append(a.object().isDropped() ? " (dropped from the environment)" : "").append('\n');
                } else if (d instanceof ObjectDifference.Changed c) {
                    sb.append("- changed: ").append(c.key().display()).append('\n');
                    for (FieldDifference f : c.fields()) {
                        sb.append("  - ").append(f.path()).append(": expected ").append(shorten(f.expected()))
                                .append(", actual ").append(shorten(f.actual())).append('\n');
                    }
                }
            }
        }
        sb.append("\nRules:\n\n").append(diff.rules().describe());
        return sb.toString();
    }

    public static ObjectNode json(SnapshotDiff diff) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("empty", diff.isEmpty());
        ArrayNode counts = root.putArray("counts");
        for (KindCount c : diff.counts()) {
            counts.addObject().put("kind", c.kind().id()).put("expected", c.expected()).put("actual", c.actual());
        }
        ArrayNode diffs = root.putArray("differences");
        for (ObjectDifference d : diff.differences()) {
            ObjectNode o = diffs.addObject();
            o.put("object", d.key().display());
            o.put("kind", d.key().kind().id());
            if (d instanceof ObjectDifference.Removed) {
                o.put("change", "removed");
            } else if (d instanceof ObjectDifference.Added) {
                o.put("change", "added");
            } else if (d instanceof ObjectDifference.Changed c) {
                o.put("change", "changed");
                ArrayNode fields = o.putArray("fields");
                for (FieldDifference fd : c.fields()) {
                    fields.addObject().put("path", fd.path()).put("expected", fd.expected()).put("actual", fd.actual());
                }
            }
        }
        root.put("rules", diff.rules().describe());
        return root;
    }

    public static String jsonText(SnapshotDiff diff) {
        try {
            return CanonicalJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(diff)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shorten(String value) {
        if (value == null) {
            return "(absent)";
        }
        String v = value.replace("\n", "\\n");
        return "`" + (v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) + "..." : v) + "`";
    }
}
