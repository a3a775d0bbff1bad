package dev.consolidate.catalog.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.ObjectKind;
import java.util.ArrayList;
import java.util.List;

/** Publications, the tables added to them, and event triggers. */
final class PublicationWriter implements ObjectWriter {

    @Override
    public List<Part> create(CatalogObject o, ObjectNode f, WriterContext ctx) {
        return switch (o.kind()) {
            case PUBLICATION -> List.of(Part.of(o.key(), Rank.PUBLICATION, publication(o, f, ctx)));
            case PUBLICATION_TABLE -> List.of(Part.of(o.key(), Rank.PUBLICATION_TABLE, publicationTable(o, f))
                    .withAfter(ObjectKey.of(ObjectKind.PUBLICATION, null, o.key().parent())));
            case EVENT_TRIGGER -> List.of(Part.of(o.key(), Rank.EVENT_TRIGGER, eventTrigger(o, f, ctx)));
            default -> throw new IllegalArgumentException(o.kind().toString());
        };
    }

    private static String publication(CatalogObject o, ObjectNode f, WriterContext ctx) {
        String name = Sql.ident(o.key().name());
        StringBuilder sb = new StringBuilder("CREATE PUBLICATION ").append(name);
        if (f.path("all_tables").asBoolean()) {
            sb.append(" FOR ALL TABLES");
        } else if (f.has("schemas")) {
            sb.append(" FOR TABLES IN SCHEMA ").append(String.join(", ", WriterContext.texts(f.get("schemas"))));
        }
        List<String> with = new ArrayList<>();
        with.add("publish = " + Sql.literal(f.path("publish").asText("")));
        if (f.path("via_root").asBoolean()) {
            with.add("publish_via_partition_root = true");
        }
        if (f.has("generated_columns")) {
            with.add("publish_generated_columns = " + f.get("generated_columns").asText());
        }
        sb.append(" WITH (").append(String.join(", ", with)).append(");\n");
        sb.append(ctx.ownerStatement("PUBLICATION " + name, f));
        sb.append(WriterContext.comment("PUBLICATION " + name, f.get("comment")));
        return sb.toString();
    }

    static String publicationTable(CatalogObject o, ObjectNode f) {
        StringBuilder sb = new StringBuilder("ALTER PUBLICATION ").append(Sql.ident(o.key().parent())).append(" ADD TABLE ONLY ")
                .append(Sql.qualified(o.key().schema(), o.key().name()));
        if (f.has("columns")) {
            List<String> cols = new ArrayList<>();
            for (JsonNode c : f.get("columns")) {
                cols.add(Sql.ident(c.asText()));
            }
            sb.append(" (").append(String.join(", ", cols)).append(')');
        }
        if (f.has("where")) {
            sb.append(" WHERE (").append(f.get("where").asText()).append(')');
        }
        return sb.append(";\n").toString();
    }

    private static String eventTrigger(CatalogObject o, ObjectNode f, WriterContext ctx) {
        String name = Sql.ident(o.key().name());
        StringBuilder sb = new StringBuilder("CREATE EVENT TRIGGER ").append(name).append(" ON ").append(Sql.ident(f.get("event").asText()));
        if (f.has("tags")) {
            List<String> tags = new ArrayList<>();
            JsonNode inOrder = o.hintFields().get("tags_in_order");
            for (JsonNode t : inOrder != null && inOrder.isArray() ? inOrder : f.get("tags")) {
                tags.add(Sql.literal(t.asText()));
            }
            sb.append("\n    WHEN TAG IN (").append(String.join(", ", tags)).append(')');
        }
        sb.append("\n    EXECUTE FUNCTION ").append(f.get("function").asText()).append("();\n");
        sb.append(TableObjectWriter.enabled("ALTER EVENT TRIGGER " + name, "", f.get("enabled")).replace(" ;", ";"));
        sb.append(ctx.ownerStatement("EVENT TRIGGER " + name, f));
        sb.append(WriterContext.comment("EVENT TRIGGER " + name, f.get("comment")));
        return sb.toString();
    }
}
