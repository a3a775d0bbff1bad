package dev.consolidate.catalog.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.CatalogObject;
import java.util.ArrayList;
import java.util.List;

/** Enum, domain, composite and range types, and collations. */
final class TypeWriter implements ObjectWriter {

    @Override
    public List<Part> create(CatalogObject o, ObjectNode f, WriterContext ctx) {
        String q = Sql.qualified(o.key().schema(), o.key().name());
        StringBuilder sb = new StringBuilder();
        String word = "TYPE";
        switch (o.kind()) {
            case ENUM -> {
                List<String> labels = new ArrayList<>();
                for (JsonNode l : f.path("labels")) {
                    labels.add("    " + Sql.literal(l.asText()));
                }
                sb.append("CREATE TYPE ").append(q).append(" AS ENUM (")
                        .append(labels.isEmpty() ? "" : "\n" + String.join(",\n", labels) + "\n").append(");\n");
            }
            case DOMAIN -> {
                word = "DOMAIN";
                domain(q, f, sb);
            }
            case COMPOSITE_TYPE -> composite(q, f, sb);
            case RANGE_TYPE -> range(q, f, sb);
            case COLLATION -> {
                return List.of(Part.of(o.key(), Rank.COLLATION, collation(q, f, ctx)));
            }
            default -> throw new IllegalArgumentException(o.kind().toString());
        }
        sb.append(ctx.ownerStatement(word + " " + q, f));
        sb.append(WriterContext.comment(word + " " + q, f.get("comment")));
        sb.append(ctx.aclStatements(o, f, word + " " + q, "types"));
        return List.of(Part.of(o.key(), Rank.TYPE, sb.toString()));
    }

    private static void domain(String q, ObjectNode f, StringBuilder sb) {
        sb.append("CREATE DOMAIN ").append(q).append(" AS ").append(f.get("base_type").asText());
        if (f.has("collation")) {
            sb.append(" COLLATE ").append(f.get("collation").asText());
        }
        if (f.has("default")) {
            sb.append(" DEFAULT ").append(f.get("default").asText());
        }
        if (f.path("not_null").asBoolean()) {
            sb.append(" NOT NULL");
        }
        StringBuilder later = new StringBuilder();
        for (JsonNode c : f.path("constraints")) {
            String def = c.get("definition").asText();
            String name = Sql.ident(c.get("name").asText());
            if (def.endsWith(" NOT VALID")) {
                later.append("ALTER DOMAIN ").append(q).append(" ADD CONSTRAINT ").append(name).append(' ').append(def).append(";\n");
            } else {
                sb.append("\n    CONSTRAINT ").append(name).append(' ').append(def);
            }
            later.append(WriterContext.comment("CONSTRAINT " + name + " ON DOMAIN " + q, c.get("comment")));
        }
        sb.append(";\n").append(later);
    }

    private static void composite(String q, ObjectNode f, StringBuilder sb) {
        List<String> attrs = new ArrayList<>();
        StringBuilder comments = new StringBuilder();
        for (JsonNode a : f.path("attributes")) {
            String name = Sql.ident(a.get("name").asText());
            attrs.add("    " + name + " " + a.get("type").asText()
                    + (a.has("collation") ? " COLLATE " + a.get("collation").asText() : ""));
            comments.append(WriterContext.comment("COLUMN " + q + "." + name, a.get("comment")));
        }
        sb.append("CREATE TYPE ").append(q).append(" AS (")
                .append(attrs.isEmpty() ? "" : "\n" + String.join(",\n", attrs) + "\n").append(");\n").append(comments);
    }

    private static void range(String q, ObjectNode f, StringBuilder sb) {
        List<String> opts = new ArrayList<>();
        opts.add("subtype = " + f.get("subtype").asText());
        if (f.has("subtype_opclass")) {
            opts.add("subtype_opclass = " + f.get("subtype_opclass").asText());
        }
        if (f.has("subtype_collation")) {
            opts.add("collation = " + f.get("subtype_collation").asText());
        }
        if (f.has("canonical")) {
            opts.add("canonical = " + f.get("canonical").asText());
        }
        if (f.has("subtype_diff")) {
            opts.add("subtype_diff = " + f.get("subtype_diff").asText());
        }
        if (f.has("multirange_type")) {
            opts.add("multirange_type_name = " + f.get("multirange_type").asText());
        }
        sb.append("CREATE TYPE ").append(q).append(" AS RANGE (\n    ").append(String.join(",\n    ", opts)).append("\n);\n");
    }

    private static String collation(String q, ObjectNode f, WriterContext ctx) {
        List<String> opts = new ArrayList<>();
        String provider = f.path("provider").asText("libc");
        opts.add("provider = " + provider);
        if (f.has("locale")) {
            opts.add("locale = " + Sql.literal(f.get("locale").asText()));
        } else {
            if (f.has("lc_collate")) {
                opts.add("lc_collate = " + Sql.literal(f.get("lc_collate").asText()));
            }
            if (f.has("lc_ctype")) {
                opts.add("lc_ctype = " + Sql.literal(f.get("lc_ctype").asText()));
            }
        }
        if (f.has("rules")) {
            opts.add("rules = " + Sql.literal(f.get("rules").asText()));
        }
        if (f.has("deterministic") && !f.get("deterministic").asBoolean()) {
            opts.add("deterministic = false");
        }
        return "CREATE COLLATION " + q + " (" + String.join(", ", opts) + ");\n"
                + ctx.ownerStatement("COLLATION " + q, f)
                + WriterContext.comment("COLLATION " + q, f.get("comment"));
    }
}
