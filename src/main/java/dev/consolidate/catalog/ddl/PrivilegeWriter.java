package dev.consolidate.catalog.ddl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.AclItem;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.ObjectKind;
import java.util.List;
import java.util.Locale;

/**
 * Default privileges (written last, so they shape objects created after the baseline, not the
 * baseline's own) and privileges changed on objects that belong to an extension.
 */
final class PrivilegeWriter implements ObjectWriter {

    @Override
    public List<Part> create(CatalogObject o, ObjectNode f, WriterContext ctx) {
        if (o.kind() == ObjectKind.MEMBER_PRIVILEGES) {
            ObjectNode h = o.hintFields();
            String target = h.get("object_type").asText() + " " + h.get("object_identity").asText();
            String sql = Privileges.statements(target, Privileges.parse(WriterContext.texts(h.get("acl_default"))),
                    Privileges.parse(WriterContext.texts(f.get("acl"))));
            return List.of(Part.of(o.key(), Rank.MEMBER_PRIVILEGES, sql)
                    .withAfter(ObjectKey.of(ObjectKind.EXTENSION, null, f.get("extension").asText())));
        }
        return List.of(Part.of(o.key(), Rank.DEFAULT_PRIVILEGES, defaultPrivileges(o, f, initial(o))));
    }

    /** Database-wide entries replace the server default; per-schema entries add to nothing. */
    static List<AclItem> initial(CatalogObject o) {
        return o.key().schema() == null ? Privileges.parse(WriterContext.texts(o.hintFields().get("acl_default"))) : List.of();
    }

    static String defaultPrivileges(CatalogObject o, ObjectNode f, List<AclItem> from) {
        String prefix = "ALTER DEFAULT PRIVILEGES FOR ROLE " + Sql.role(o.key().name())
                + (o.key().schema() == null ? "" : " IN SCHEMA " + Sql.ident(o.key().schema())) + " ";
        return Privileges.defaultStatements(prefix, o.key().signature().toUpperCase(Locale.ROOT), from,
                Privileges.parse(WriterContext.texts(f.get("acl"))));
    }
}
