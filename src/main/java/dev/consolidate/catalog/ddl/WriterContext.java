package dev.consolidate.catalog.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.AclItem;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.ObjectKind;
import dev.consolidate.catalog.scope.ScopedSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every object writer needs besides the object: the role that will run the baseline,
 * whether ownership is written, and the environment (for objects the history changed, and for
 * the default privileges that newly created objects pick up).
 */
final class WriterContext {
    private final ScopedSnapshot scoped;
    private final String runner;
    private final boolean owners;
    private java.util.Map<String, ObjectKey> indexes;

    WriterContext(ScopedSnapshot scoped, String runner, boolean owners) {
        this.scoped = scoped;
        this.runner = runner;
        this.owners = owners;
    }

    ScopedSnapshot scoped() {
        return scoped;
    }

    String runner() {
        return runner;
    }

    Optional<CatalogObject> environmentVersion(ObjectKey key) {
        return scoped.environment().get(key);
    }

    Optional<CatalogObject> object(ObjectKey key) {
        return scoped.objects().get(key);
    }

    /**
     * The index, or the constraint implemented by an index, of that name in that schema (index
     * names are unique per schema; a constraint's index carries the constraint's name).
     */
    synchronized Optional<ObjectKey> indexNamed(String schema, String name) {
        if (indexes == null) {
            indexes = new java.util.HashMap<>();
            for (CatalogObject o : scoped.objects().objects()) {
                if (o.kind() == ObjectKind.INDEX || o.kind() == ObjectKind.CONSTRAINT) {
                    indexes.putIfAbsent(o.key().schema() + "\u0000" + o.key().name(), o.key());
                }
            }
        }
        return Optional.ofNullable(indexes.get(schema + "\u0000" + name));
    }

    /** The owner the object will have once the baseline ran. */
    String owner(ObjectNode fields) {
        JsonNode o = fields.get("owner");
        return !owners || o == null ? runner : o.asText();
    }

    /** "ALTER TABLE app.t OWNER TO r;" when the object must belong to someone else than the runner. */
    String ownerStatement(String alterTarget, ObjectNode fields) {
        String owner = owner(fields);
        return owner.equals(runner) ? "" : "ALTER " + alterTarget + " OWNER TO " + Sql.role(owner) + ";\n";
    }

    /** The ACL in the description, with the owner read as the runner when ownership is not written. */
    List<AclItem> wantedAcl(ObjectNode fields, JsonNode acl) {
        List<AclItem> items = Privileges.parse(texts(acl));
        JsonNode o = fields.get("owner");
        if (!owners && o != null) {
            items = Privileges.rename(items, o.asText(), runner);
        }
        return items;
    }

    /**
     * The ACL a newly created object starts with: the server default for the runner (or the
     * environment's database-wide default privileges of the runner, which replace it), plus the
     * environment's default privileges for the schema; then ALTER OWNER moves the runner's
     * entries to the owner.
     */
    List<AclItem> initialAcl(CatalogObject o, ObjectNode fields, String defaultPrivilegesType) {
        String owner = owner(fields);
        JsonNode hint = o.hintFields().get("acl_default");
        List<AclItem> acl = Privileges.rename(Privileges.parse(texts(hint)), fieldOwner(fields), runner);
        if (defaultPrivilegesType != null) {
            Optional<CatalogObject> global = scoped.environment().get(
                    new ObjectKey(ObjectKind.DEFAULT_PRIVILEGES, null, runner, null, defaultPrivilegesType));
            if (global.isPresent()) {
                acl = Privileges.parse(texts(global.get().fields().get("acl")));
            }
            Optional<CatalogObject> inSchema = scoped.environment().get(
                    new ObjectKey(ObjectKind.DEFAULT_PRIVILEGES, o.key().schema(), runner, null, defaultPrivilegesType));
            if (inSchema.isPresent() && o.key().schema() != null) {
                acl = new ArrayList<>(acl);
                acl.addAll(Privileges.parse(texts(inSchema.get().fields().get("acl"))));
            }
        }
        return Privileges.rename(acl, runner, owner);
    }

    /** GRANT/REVOKE turning a new object's starting ACL into the wanted one. */
    String aclStatements(CatalogObject o, ObjectNode fields, String grantTarget, String defaultPrivilegesType) {
        JsonNode acl = fields.get("acl");
        if (acl == null) {
            return "";
        }
        return Privileges.statements(grantTarget, initialAcl(o, fields, defaultPrivilegesType), wantedAcl(fields, acl));
    }

    private static String fieldOwner(ObjectNode fields) {
        JsonNode o = fields.get("owner");
        return o == null ? "" : o.asText();
    }

    static String comment(String target, JsonNode comment) {
        if (comment == null || comment.isNull()) {
            return "";
        }
        return "COMMENT ON " + target + " IS " + Sql.literal(comment.asText()) + ";\n";
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (JsonNode n : array) {
                out.add(n.asText());
            }
        }
        return out;
    }
}
