package dev.consolidate.catalog.ddl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.CatalogObject;
import java.util.List;

/** A setting the history made with ALTER DATABASE ... SET, set again on the database the baseline runs in. */
final class SettingWriter implements ObjectWriter {

    @Override
    public List<Part> create(CatalogObject o, ObjectNode f, WriterContext ctx) {
        return List.of(Part.of(o.key(), Rank.DATABASE_SETTING,
                Settings.alterCurrentDatabase("SET " + Settings.clause(o.key().name(), f.get("value").asText()))));
    }
}
