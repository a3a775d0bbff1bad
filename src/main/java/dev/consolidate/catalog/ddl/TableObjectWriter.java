package dev.consolidate.catalog.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What hangs on a table: constraints, indexes, triggers, rules, policies and extended statistics.
 * Copies PostgreSQL makes by itself ("derived": inherited checks, foreign keys and triggers
 * cloned onto partitions) are not written; the parent's statement makes them again.
 */
final class TableObjectWriter implements ObjectWriter {

    @Override
    public List<Part> create(CatalogObject o, ObjectNode f, WriterContext ctx) {
        if (f.path("derived").asBoolean()) {
            return List.of();
        }
        String table = o.key().parent() == null ? null : Sql.qualified(o.key().schema(), o.key().parent());
        return switch (o.kind()) {
            case CONSTRAINT -> constraint(o, f, table, ctx);
            case INDEX -> index(o, f, table, ctx);
            case TRIGGER -> List.of(Part.of(o.key(), Rank.TRIGGER, trigger(o, f, table)));
            case RULE -> List.of(Part.of(o.key(), Rank.RULE, rule(o, f, table)));
            case POLICY -> List.of(Part.of(o.key(), Rank.POLICY, policy(o, f, table)));
            case STATISTICS -> List.of(Part.of(o.key(), Rank.STATISTICS, statistics(o, f, ctx)));
            default -> throw new IllegalArgumentException(o.kind().toString());
        };
    }

    /**
     * Primary key, unique and exclusion constraints go on ONLY the table: on a partitioned table
     * each partition's own constraint is then attached, keeping its name. Checks and foreign keys
     * recurse to partitions and inheritance children as they did in the source.
     */
    private static List<Part> constraint(CatalogObject o, ObjectNode f, String table, WriterContext ctx) {
        String type = f.path("type").asText();
        boolean indexBacked = type.equals("primary key") || type.equals("unique") || type.equals("exclusion");
        String name = Sql.ident(o.key().name());
        String sql = "ALTER TABLE " + (indexBacked ? "ONLY " : "") + table + "\n    ADD CONSTRAINT " + name + " "
                + f.get("definition").asText() + ";\n"
                + WriterContext.comment("CONSTRAINT " + name + " ON " + table, f.get("comment"));
        List<Part> parts = new ArrayList<>();
        parts.add(Part.of(o.key(), type.equals("foreign key") ? Rank.FOREIGN_KEY : Rank.CONSTRAINT, sql));
        if (f.has("index_attached_to")) {
            parts.add(attach(o, f.get("index_attached_to").asText(), Sql.qualified(o.key().schema(), o.key().name()), ctx));
        }
        return parts;
    }

    private static Part attach(CatalogObject o, String parentIndex, String childIndex, WriterContext ctx) {
        Part p = Part.of(o.key(), Rank.INDEX_ATTACH, "ALTER INDEX " + parentIndex + " ATTACH PARTITION " + childIndex + ";\n");
        List<String> parent = QualifiedName.split(parentIndex);
        Optional<ObjectKey> k = ctx.indexNamed(parent.get(0), parent.get(1));
        return k.isPresent() ? p.withAfter(k.get()) : p;
    }

    private static List<Part> index(CatalogObject o, ObjectNode f, String table, WriterContext ctx) {
        String q = Sql.qualified(o.key().schema(), o.key().name());
        StringBuilder sb = new StringBuilder(f.get("definition").asText()).append(";\n");
        for (JsonNode s : f.path("statistics")) {
            sb.append("ALTER INDEX ").append(q).append(" ALTER COLUMN ").append(s.get("column").asText())
                    .append(" SET STATISTICS ").append(s.get("target").asText()).append(";\n");
        }
        if (f.path("clustered").asBoolean()) {
            sb.append("ALTER TABLE ").append(table).append(" CLUSTER ON ").append(Sql.ident(o.key().name())).append(";\n");
        }
        sb.append(WriterContext.comment("INDEX " + q, f.get("comment")));
        List<Part> parts = new ArrayList<>();
        parts.add(Part.of(o.key(), Rank.INDEX, sb.toString()));
        if (f.has("attached_to")) {
            parts.add(attach(o, f.get("attached_to").asText(), q, ctx));
        }
        return parts;
    }

    private static String trigger(CatalogObject o, ObjectNode f, String table) {
        String name = Sql.ident(o.key().name());
        StringBuilder sb = new StringBuilder(f.get("definition").asText()).append(";\n");
        sb.append(enabled("ALTER TABLE " + table, "TRIGGER " + name, f.get("enabled")));
        sb.append(WriterContext.comment("TRIGGER " + name + " ON " + table, f.get("comment")));
        return sb.toString();
    }

    private static String rule(CatalogObject o, ObjectNode f, String table) {
        String name = Sql.ident(o.key().name());
        String def = f.get("definition").asText().stripTrailing();
        StringBuilder sb = new StringBuilder(def.endsWith(";") ? def : def + ";").append('\n');
        sb.append(enabled("ALTER TABLE " + table, "RULE " + name, f.get("enabled")));
        sb.append(WriterContext.comment("RULE " + name + " ON " + table, f.get("comment")));
        return sb.toString();
    }

    /** ALTER ... DISABLE/ENABLE REPLICA/ENABLE ALWAYS for a non-default firing state. */
    static String enabled(String alter, String what, JsonNode state) {
        if (state == null) {
            return "";
        }
        String verb = switch (state.asText()) {
            case "disabled" -> "DISABLE ";
            case "replica" -> "ENABLE REPLICA ";
            case "always" -> "ENABLE ALWAYS ";
            default -> "ENABLE ";
        };
        return alter + " " + verb + what + ";\n";
    }

    private static String policy(CatalogObject o, ObjectNode f, String table) {
        String name = Sql.ident(o.key().name());
        StringBuilder sb = new StringBuilder("CREATE POLICY ").append(name).append(" ON ").append(table);
        if (f.has("permissive") && !f.get("permissive").asBoolean()) {
            sb.append(" AS RESTRICTIVE");
        }
        sb.append("\n    FOR ").append(f.path("command").asText("all").toUpperCase(Locale.ROOT));
        List<String> roles = new ArrayList<>();
        for (JsonNode r : f.path("roles")) {
            roles.add("public".equals(r.asText()) ? "PUBLIC" : Sql.ident(r.asText()));
        }
        if (!roles.isEmpty()) {
            sb.append("\n    TO ").append(String.join(", ", roles));
        }
        if (f.has("using")) {
            sb.append("\n    USING (").append(f.get("using").asText()).append(')');
        }
        if (f.has("with_check")) {
            sb.append("\n    WITH CHECK (").append(f.get("with_check").asText()).append(')');
        }
        sb.append(";\n");
        sb.append(WriterContext.comment("POLICY " + name + " ON " + table, f.get("comment")));
        return sb.toString();
    }

    private static String statistics(CatalogObject o, ObjectNode f, WriterContext ctx) {
        String q = Sql.qualified(o.key().schema(), o.key().name());
        StringBuilder sb = new StringBuilder(f.get("definition").asText()).append(";\n");
        if (f.has("target")) {
            sb.append("ALTER STATISTICS ").append(q).append(" SET STATISTICS ").append(f.get("target").asText()).append(";\n");
        }
        sb.append(ctx.ownerStatement("STATISTICS " + q, f));
        sb.append(WriterContext.comment("STATISTICS " + q, f.get("comment")));
        return sb.toString();
    }
}
