package dev.consolidate.catalog.ddl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.ObjectKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequences, with every option written out; OWNED BY is a part of its own placed after the
 * table, since the table's default usually needs the sequence first.
 */
final class SequenceWriter implements ObjectWriter {

    @Override
    public List<Part> create(CatalogObject o, ObjectNode f, WriterContext ctx) {
        String q = Sql.qualified(o.key().schema(), o.key().name());
        StringBuilder sb = new StringBuilder("CREATE ");
        if (f.path("unlogged").asBoolean()) {
            sb.append("UNLOGGED ");
        }
        sb.append("SEQUENCE ").append(q).append(options(f, true)).append(";\n");
        sb.append(ctx.ownerStatement("SEQUENCE " + q, f));
        sb.append(WriterContext.comment("SEQUENCE " + q, f.get("comment")));
        sb.append(ctx.aclStatements(o, f, "SEQUENCE " + q, "sequences"));
        List<Part> parts = new ArrayList<>();
        parts.add(Part.of(o.key(), Rank.SEQUENCE, sb.toString()));
        if (f.has("owned_by")) {
            List<String> col = QualifiedName.split(f.get("owned_by").asText());
            ObjectKey table = ObjectKey.of(ObjectKind.TABLE, col.get(0), col.get(1));
            parts.add(Part.of(o.key(), Rank.SEQUENCE_OWNERSHIP,
                    "ALTER SEQUENCE " + q + " OWNED BY " + f.get("owned_by").asText() + ";\n").withAfter(table));
        }
        return parts;
    }

    /** " AS bigint START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE ... CACHE 1" (also for identity). */
    static String options(ObjectNode f, boolean withType) {
        StringBuilder sb = new StringBuilder();
        if (withType && f.has("data_type")) {
            sb.append("\n    AS ").append(f.get("data_type").asText());
        }
        sb.append("\n    START WITH ").append(f.get("start").asText())
                .append("\n    INCREMENT BY ").append(f.get("increment").asText())
                .append("\n    MINVALUE ").append(f.get("min").asText())
                .append("\n    MAXVALUE ").append(f.get("max").asText())
                .append("\n    CACHE ").append(f.get("cache").asText());
        if (f.path("cycle").asBoolean()) {
            sb.append("\n    CYCLE");
        }
        return sb.toString();
    }
}
