package dev.consolidate.catalog.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Views and materialized views. A materialized view is created empty before the data and
 * refreshed after it (as pg_dump does), only if the source had it populated.
 */
final class ViewWriter implements ObjectWriter {

    @Override
    public List<Part> create(CatalogObject o, ObjectNode f, WriterContext ctx) {
        boolean materialized = o.kind() == ObjectKind.MATERIALIZED_VIEW;
        String q = Sql.qualified(o.key().schema(), o.key().name());
        String word = materialized ? "MATERIALIZED VIEW" : "VIEW";
        StringBuilder sb = new StringBuilder("CREATE ").append(word).append(' ').append(q);
        if (materialized && f.has("access_method")) {
            sb.append(" USING ").append(Sql.ident(f.get("access_method").asText()));
        }
        if (f.has("options")) {
            sb.append(" WITH (").append(String.join(", ", WriterContext.texts(f.get("options")))).append(')');
        }
        if (materialized && f.has("tablespace")) {
            sb.append(" TABLESPACE ").append(Sql.ident(f.get("tablespace").asText()));
        }
        sb.append(" AS\n").append(body(f));
        sb.append(materialized ? "\n  WITH NO DATA;\n" : ";\n");
        java.util.LinkedHashMap<String, List<dev.consolidate.catalog.model.AclItem>> columnAcls = new java.util.LinkedHashMap<>();
        for (JsonNode c : f.path("columns")) {
            String name = Sql.ident(c.get("name").asText());
            if (c.has("default")) {
                sb.append("ALTER ").append(word).append(' ').append(q).append(" ALTER COLUMN ").append(name)
                        .append(" SET DEFAULT ").append(c.get("default").asText()).append(";\n");
            }
            if (c.has("statistics")) {
                sb.append("ALTER ").append(word).append(' ').append(q).append(" ALTER COLUMN ").append(name)
                        .append(" SET STATISTICS ").append(c.get("statistics").asText()).append(";\n");
            }
            sb.append(WriterContext.comment("COLUMN " + q + "." + name, c.get("comment")));
            if (c.has("acl")) {
                columnAcls.put(name, ctx.wantedAcl(f, c.get("acl")));
            }
        }
        sb.append(Privileges.columnGrants(q, columnAcls));
        sb.append(ctx.ownerStatement(word + " " + q, f));
        sb.append(WriterContext.comment(word + " " + q, f.get("comment")));
        sb.append(ctx.aclStatements(o, f, "TABLE " + q, "tables"));
        List<Part> parts = new ArrayList<>();
        parts.add(Part.of(o.key(), Rank.VIEW, sb.toString()));
        if (materialized && f.path("populated").asBoolean()) {
            parts.add(Part.of(o.key(), Rank.REFRESH, "REFRESH MATERIALIZED VIEW " + q + ";\n"));
        }
        return parts;
    }

    /** pg_get_viewdef's text without its final semicolon. */
    static String body(ObjectNode f) {
        String def = f.get("definition").asText().stripTrailing();
        return def.endsWith(";") ? def.substring(0, def.length() - 1) : def;
    }
}
