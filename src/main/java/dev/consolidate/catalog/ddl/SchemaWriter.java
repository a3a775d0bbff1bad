package dev.consolidate.catalog.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKind;
import java.util.List;

/** Schemas and extensions. */
final class SchemaWriter implements ObjectWriter {

    @Override
    public List<Part> create(CatalogObject o, ObjectNode f, WriterContext ctx) {
        if (o.kind() == ObjectKind.EXTENSION) {
            return List.of(extension(o, f));
        }
        String name = Sql.ident(o.key().name());
        StringBuilder sb = new StringBuilder("CREATE SCHEMA ").append(name).append(";\n");
        sb.append(ctx.ownerStatement("SCHEMA " + name, f));
        sb.append(WriterContext.comment("SCHEMA " + name, f.get("comment")));
        sb.append(ctx.aclStatements(o, f, "SCHEMA " + name, "schemas"));
        return List.of(Part.of(o.key(), Rank.SCHEMA, sb.toString()));
    }

    /**
     * The version is written only when it is not the one the server installs by default, so a
     * baseline stays portable across minor upgrades of an extension's packaging.
     */
    private static Part extension(CatalogObject o, ObjectNode f) {
        String name = Sql.ident(o.key().name());
        StringBuilder sb = new StringBuilder("CREATE EXTENSION IF NOT EXISTS ").append(name)
                .append(" WITH SCHEMA ").append(f.get("schema").asText());
        JsonNode def = o.hintFields().get("default_version");
        String version = f.path("version").asText();
        if (def == null || !version.equals(def.asText())) {
            sb.append(" VERSION ").append(Sql.literal(version));
        }
        sb.append(";\n");
        sb.append(WriterContext.comment("EXTENSION " + name, f.get("comment")));
        return Part.of(o.key(), Rank.EXTENSION, sb.toString());
    }
}
