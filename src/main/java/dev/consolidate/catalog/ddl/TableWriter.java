package dev.consolidate.catalog.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.ObjectKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables: CREATE TABLE with every column in order, then what is set column by column; a partition
 * is created with all its columns and attached (the way pg_dump does, which keeps a partition's
 * own column order). Row security and replica identity come after the data, in a part of their
 * own.
 */
final class TableWriter implements ObjectWriter {
    /** Kinds a table can need before CREATE TABLE even when its defaults are written later. */
    private static final java.util.Set<ObjectKind> STRUCTURAL = java.util.EnumSet.of(ObjectKind.SCHEMA, ObjectKind.EXTENSION,
            ObjectKind.COLLATION, ObjectKind.ENUM, ObjectKind.DOMAIN, ObjectKind.COMPOSITE_TYPE, ObjectKind.RANGE_TYPE,
            ObjectKind.TABLE);

    @Override
    public List<Part> create(CatalogObject o, ObjectNode f, WriterContext ctx) {
        return create(o, f, ctx, false);
    }

    /**
     * With {@code splitDefaults} the column defaults become ALTER ... SET DEFAULT statements in a
     * part of their own, and CREATE TABLE waits only for schemas, types and parent tables: this
     * breaks a cycle through a function the default calls that reads the table itself.
     */
    List<Part> create(CatalogObject o, ObjectNode f, WriterContext ctx, boolean splitDefaults) {
        String q = Sql.qualified(o.key().schema(), o.key().name());
        StringBuilder sb = new StringBuilder();
        StringBuilder after = new StringBuilder();
        StringBuilder defaults = new StringBuilder();
        sb.append("CREATE ");
        if (f.path("unlogged").asBoolean()) {
            sb.append("UNLOGGED ");
        }
        sb.append("TABLE ").append(q);
        boolean typed = f.has("of_type");
        if (typed) {
            sb.append(" OF ").append(f.get("of_type").asText());
        }
        List<String> columns = new ArrayList<>();
        for (JsonNode c : f.path("columns")) {
            String name = Sql.ident(c.get("name").asText());
            boolean inline = !typed && !c.path("inherited_only").asBoolean();
            if (inline && splitDefaults && c.has("default")) {
                ObjectNode without = ((ObjectNode) c).deepCopy();
                without.remove("default");
                columns.add("    " + name + " " + columnDefinition(without));
                defaults.append("ALTER TABLE ONLY ").append(q).append(" ALTER COLUMN ").append(name)
                        .append(" SET DEFAULT ").append(c.get("default").asText()).append(";\n");
            } else if (inline) {
                columns.add("    " + name + " " + columnDefinition(c));
            } else {
                // an inherited column comes with its parent's default and NOT NULL: only a difference is written
                JsonNode parent = typed ? null : inheritedFrom(f, c.get("name").asText(), ctx);
                if (c.has("default") && (parent == null || !c.get("default").equals(parent.get("default")))) {
                    after.append("ALTER TABLE ONLY ").append(q).append(" ALTER COLUMN ").append(name)
                            .append(" SET DEFAULT ").append(c.get("default").asText()).append(";\n");
                }
                if (c.path("not_null").asBoolean() && (parent == null || !parent.path("not_null").asBoolean())) {
                    after.append("ALTER TABLE ONLY ").append(q).append(" ALTER COLUMN ").append(name).append(" SET NOT NULL;\n");
                }
            }
            after.append(columnSettings(q, name, c));
        }
        if (!typed) {
            sb.append(" (").append(columns.isEmpty() ? "" : "\n" + String.join(",\n", columns) + "\n").append(')');
        }
        if (f.has("inherits")) {
            List<String> parents = WriterContext.texts(f.get("inherits"));
            sb.append("\nINHERITS (").append(String.join(", ", parents)).append(')');
        }
        if (f.has("partition_key")) {
            sb.append("\nPARTITION BY ").append(f.get("partition_key").asText());
        }
        if (f.has("access_method")) {
            sb.append("\nUSING ").append(Sql.ident(f.get("access_method").asText()));
        }
        if (f.has("options")) {
            sb.append("\nWITH (").append(String.join(", ", WriterContext.texts(f.get("options")))).append(')');
        }
        if (f.has("tablespace")) {
            sb.append("\nTABLESPACE ").append(Sql.ident(f.get("tablespace").asText()));
        }
        sb.append(";\n");
        java.util.LinkedHashMap<String, List<dev.consolidate.catalog.model.AclItem>> columnAcls = new java.util.LinkedHashMap<>();
        for (JsonNode c : f.path("columns")) {
            if (c.has("acl")) {
                columnAcls.put(Sql.ident(c.get("name").asText()), ctx.wantedAcl(f, c.get("acl")));
            }
        }
        if (f.has("partition_of")) {
            sb.append("ALTER TABLE ONLY ").append(f.get("partition_of").asText()).append(" ATTACH PARTITION ").append(q)
                    .append(' ').append(f.get("partition_bound").asText()).append(";\n");
        }
        sb.append(after);
        sb.append(Privileges.columnGrants(q, columnAcls));
        sb.append(ctx.ownerStatement("TABLE " + q, f));
        sb.append(WriterContext.comment("TABLE " + q, f.get("comment")));
        sb.append(ctx.aclStatements(o, f, "TABLE " + q, "tables"));
        List<Part> parts = new ArrayList<>();
        Part table = Part.of(o.key(), Rank.TABLE, sb.toString());
        if (splitDefaults) {
            List<ObjectKey> structural = new ArrayList<>();
            for (ObjectKey k : o.dependsOn()) {
                if (STRUCTURAL.contains(k.kind())) {
                    structural.add(k);
                }
            }
            parts.add(table.onlyAfter(structural));
            if (defaults.length() > 0) {
                Part set = Part.of(o.key(), Rank.SEQUENCE_OWNERSHIP, defaults.toString());
                for (ObjectKey k : o.dependsOn()) {
                    set = set.withAfter(k);
                }
                parts.add(set);
            }
        } else {
            parts.add(table);
        }
        Part security = rowSecurity(o, q, f);
        if (security != null) {
            parts.add(security);
        }
        return parts;
    }

    /** The column of that name in the first parent table (in scope) that has it, or null. */
    private static JsonNode inheritedFrom(ObjectNode f, String column, WriterContext ctx) {
        for (String parent : WriterContext.texts(f.get("inherits"))) {
            List<String> name = QualifiedName.split(parent);
            java.util.Optional<CatalogObject> p = ctx.object(ObjectKey.of(ObjectKind.TABLE, name.get(0), name.get(1)));
            if (p.isEmpty()) {
                return null;
            }
            for (JsonNode c : p.get().fields().path("columns")) {
                if (column.equals(c.get("name").asText())) {
                    return c;
                }
            }
        }
        return null;
    }

    static String columnDefinition(JsonNode c) {
        StringBuilder sb = new StringBuilder(c.get("type").asText());
        if (c.has("collation")) {
            sb.append(" COLLATE ").append(c.get("collation").asText());
        }
        if (c.has("generated")) {
            sb.append(" GENERATED ALWAYS AS (").append(c.get("expression").asText()).append(") ")
                    .append(c.get("generated").asText().toUpperCase(java.util.Locale.ROOT));
        }
        if (c.has("identity")) {
            JsonNode seq = c.get("identity_sequence");
            sb.append(" GENERATED ").append("always".equals(c.get("identity").asText()) ? "ALWAYS" : "BY DEFAULT")
                    .append(" AS IDENTITY (\n        SEQUENCE NAME ").append(seq.get("name").asText())
                    .append(SequenceWriter.options((ObjectNode) seq, false).replace("\n    ", "\n        ")).append("\n    )");
        }
        if (c.has("default")) {
            sb.append(" DEFAULT ").append(c.get("default").asText());
        }
        if (c.has("not_null_name")) {
            sb.append(" CONSTRAINT ").append(Sql.ident(c.get("not_null_name").asText())).append(" NOT NULL");
        } else if (c.path("not_null").asBoolean()) {
            sb.append(" NOT NULL");
        }
        return sb.toString();
    }

    /** Storage, compression, statistics target, options and comment of one column. */
    static String columnSettings(String q, String name, JsonNode c) {
        StringBuilder sb = new StringBuilder();
        String alter = "ALTER TABLE ONLY " + q + " ALTER COLUMN " + name;
        if (c.has("storage")) {
            sb.append(alter).append(" SET STORAGE ").append(c.get("storage").asText().toUpperCase(java.util.Locale.ROOT)).append(";\n");
        }
        if (c.has("compression")) {
            sb.append(alter).append(" SET COMPRESSION ").append(c.get("compression").asText()).append(";\n");
        }
        if (c.has("statistics")) {
            sb.append(alter).append(" SET STATISTICS ").append(c.get("statistics").asText()).append(";\n");
        }
        if (c.has("options")) {
            sb.append(alter).append(" SET (").append(String.join(", ", WriterContext.texts(c.get("options")))).append(");\n");
        }
        sb.append(WriterContext.comment("COLUMN " + q + "." + name, c.get("comment")));
        return sb.toString();
    }

    private static Part rowSecurity(CatalogObject o, String q, ObjectNode f) {
        StringBuilder sb = new StringBuilder();
        if (f.path("row_security").asBoolean()) {
            sb.append("ALTER TABLE ").append(q).append(" ENABLE ROW LEVEL SECURITY;\n");
        }
        if (f.path("force_row_security").asBoolean()) {
            sb.append("ALTER TABLE ").append(q).append(" FORCE ROW LEVEL SECURITY;\n");
        }
        Part p = null;
        List<ObjectKey> after = new ArrayList<>();
        if (f.has("replica_identity")) {
            String ri = f.get("replica_identity").asText();
            if (ri.startsWith("index ")) {
                String index = ri.substring("index ".length());
                sb.append("ALTER TABLE ONLY ").append(q).append(" REPLICA IDENTITY USING INDEX ").append(index).append(";\n");
                String raw = QualifiedName.split(index).get(0);
                after.add(new ObjectKey(ObjectKind.INDEX, o.key().schema(), raw, o.key().name(), null));
                after.add(new ObjectKey(ObjectKind.CONSTRAINT, o.key().schema(), raw, o.key().name(), null));
            } else {
                sb.append("ALTER TABLE ONLY ").append(q).append(" REPLICA IDENTITY ").append(ri.toUpperCase(java.util.Locale.ROOT)).append(";\n");
            }
        }
        if (sb.length() == 0) {
            return null;
        }
        p = Part.of(o.key(), Rank.ROW_SECURITY, sb.toString());
        for (ObjectKey k : after) {
            p = p.withAfter(k);
        }
        return p;
    }
}
