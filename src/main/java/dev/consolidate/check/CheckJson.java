package dev.consolidate.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.diff.DiffReport;
import dev.consolidate.catalog.diff.FieldDifference;
import dev.consolidate.catalog.diff.ObjectDifference;
import dev.consolidate.catalog.model.CanonicalJson;
import java.util.List;

/**
 * The machine-readable twin of CHECK.md, from the same {@link CheckReport}. In {@code diff},
 * "removed" means only in A (the history checked) and "added" only in B.
 */
public final class CheckJson {
    private CheckJson() {
    }

    public static ObjectNode tree(CheckReport r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("verdict", r.verdict().word());
        root.put("exitCode", r.verdict().exitCode().code());
        root.put("summary", r.verdictLine());
        root.put("checkedAt", r.checkedAt());
        root.set("a", side(r.expected()));
        root.set("b", r.actual() == null ? f.nullNode() : side(r.actual()));
        ArrayNode failures = root.putArray("replayFailures");
        for (ReplayFinding x : r.replayFailures()) {
            failures.addObject().put("history", x.history()).put("file", x.file()).put("line", x.line()).put("column", x.column())
                    .put("message", x.message()).put("applied", x.applied()).put("total", x.total());
        }
        root.set("diff", r.diff() == null ? f.nullNode() : diff(r));
        root.put("scope", r.scope());
        ObjectNode not = root.putObject("notCompared");
        ArrayNode code = not.putArray("codeMigrations");
        r.codeMigrations().forEach(code::add);
        ArrayNode data = not.putArray("dataStatements");
        for (DataStatement d : r.dataStatements()) {
            data.addObject().put("history", d.history()).put("file", d.file()).put("line", d.line()).put("command", d.command());
        }
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        return root;
    }

    public static String text(CheckReport r) {
        try {
            return CanonicalJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(r)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The catalog engine's JSON form of the diff, with routine bodies withheld as in CHECK.md. */
    private static ObjectNode diff(CheckReport r) {
        ObjectNode diff = DiffReport.json(r.diff());
        ArrayNode rows = (ArrayNode) diff.get("differences");
        List<ObjectDifference> all = r.diff().differences();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof ObjectDifference.Changed c) {
                ArrayNode fields = (ArrayNode) rows.get(i).get("fields");
                for (int j = 0; j < c.fields().size(); j++) {
                    FieldDifference fd = c.fields().get(j);
                    if (ShownValues.hidesBody(c.key(), fd.path())) {
                        ObjectNode field = (ObjectNode) fields.get(j);
                        field.putNull("expected");
                        field.putNull("actual");
                        field.put("note", ShownValues.of(c.key(), fd).note());
                    }
                }
            }
        }
        return diff;
    }

    private static ObjectNode side(Side s) {
        return JsonNodeFactory.instance.objectNode().put("label", s.label()).put("description", s.description());
    }
}
