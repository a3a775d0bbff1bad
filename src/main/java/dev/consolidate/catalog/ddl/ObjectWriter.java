package dev.consolidate.catalog.ddl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.CatalogObject;
import java.util.List;

/** Writes the statements that create objects of some kinds, as placeable parts (anchor first). */
interface ObjectWriter {

    List<Part> create(CatalogObject object, ObjectNode fields, WriterContext context);
}
