package dev.consolidate.catalog.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.AclItem;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKind;
import dev.consolidate.problem.Problem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Statements for objects the environment created and the history changed or dropped: RLS enabled
 * on {@code auth.users}, a grant on a platform table, a column added to it, a function replaced,
 * a policy rewritten. The change is written against the environment's version; an object that
 * cannot be altered in place but can be recreated (policies, triggers, indexes, ...) is dropped
 * and created again. A change no statement can express is refused, naming object and field.
 */
final class EnvironmentChanges {
    private static final Set<ObjectKind> RECREATED = EnumSet.of(ObjectKind.CONSTRAINT, ObjectKind.INDEX, ObjectKind.TRIGGER,
            ObjectKind.RULE, ObjectKind.POLICY, ObjectKind.STATISTICS, ObjectKind.EVENT_TRIGGER, ObjectKind.PUBLICATION_TABLE,
            ObjectKind.CAST, ObjectKind.OPERATOR, ObjectKind.AGGREGATE, ObjectKind.COLLATION, ObjectKind.MATERIALIZED_VIEW,
            ObjectKind.COMPOSITE_TYPE, ObjectKind.RANGE_TYPE, ObjectKind.DOMAIN);

    private final ObjectWriter creator;

    EnvironmentChanges(ObjectWriter creator) {
        this.creator = creator;
    }

    List<Part> drop(CatalogObject tombstone, WriterContext ctx) {
        CatalogObject before = ctx.environmentVersion(tombstone.key()).orElseThrow();
        return switch (tombstone.kind()) {
            // last, like every default-privileges change: objects the baseline creates start from the environment's
            case DEFAULT_PRIVILEGES -> List.of(Part.of(tombstone.key(), Rank.DEFAULT_PRIVILEGES,
                    PrivilegeWriter.defaultPrivileges(before, emptyAcl(before), acl(before.fields()))));
            case MEMBER_PRIVILEGES -> {
                ObjectNode h = before.hintFields();
                String target = h.get("object_type").asText() + " " + h.get("object_identity").asText();
                yield List.of(Part.of(tombstone.key(), Rank.DROP, Privileges.statements(target, acl(before.fields()),
                        Privileges.parse(WriterContext.texts(h.get("acl_default"))))));
            }
            case DATABASE_SETTING -> List.of(Part.of(tombstone.key(), Rank.DATABASE_SETTING,
                    Settings.alterCurrentDatabase("RESET " + Settings.clause(tombstone.key().name(), "").replaceAll(" TO .*", ""))));
            case UNMODELLED -> throw refuse(tombstone, "(dropped)");
            default -> List.of(Part.of(tombstone.key(), Rank.DROP, Targets.drop(tombstone.key())));
        };
    }

    List<Part> alter(CatalogObject before, CatalogObject after, WriterContext ctx) {
        ObjectNode b = before.fields();
        ObjectNode a = after.fields();
        Set<String> changed = changedFields(b, a);
        ObjectKind kind = after.kind();
        if (kind == ObjectKind.DEFAULT_PRIVILEGES) {
            return List.of(Part.of(after.key(), Rank.DEFAULT_PRIVILEGES, PrivilegeWriter.defaultPrivileges(after, a, acl(b))));
        }
        if (kind == ObjectKind.DATABASE_SETTING) {
            return List.of(Part.of(after.key(), Rank.DATABASE_SETTING,
                    Settings.alterCurrentDatabase("SET " + Settings.clause(after.key().name(), a.get("value").asText()))));
        }
        if (kind == ObjectKind.ROLE) {
            return List.of(Part.of(after.key(), Rank.ROLE, role(after.key().name(), b, a)));
        }
        if (kind == ObjectKind.MEMBER_PRIVILEGES) {
            ObjectNode h = after.hintFields();
            String target = h.get("object_type").asText() + " " + h.get("object_identity").asText();
            return List.of(Part.of(after.key(), Rank.MEMBER_PRIVILEGES, Privileges.statements(target, acl(b), acl(a))));
        }
        StringBuilder sb = new StringBuilder();
        List<Part> extra = new ArrayList<>();
        Set<String> left = new TreeSet<>(changed);
        common(after, b, a, left, sb, ctx);
        switch (kind) {
            case TABLE -> table(after, b, a, left, sb, extra, ctx);
            case FUNCTION, PROCEDURE -> {
                if (left.remove("definition")) {
                    sb.insert(0, RoutineWriter.definition(a));
                }
                left.removeAll(Set.of("language", "returns", "volatility", "security_definer", "strict", "leakproof", "parallel", "config"));
            }
            case VIEW -> {
                if (left.remove("definition") | left.remove("options")) {
                    sb.insert(0, "CREATE OR REPLACE VIEW " + Sql.qualified(after.key().schema(), after.key().name())
                            + (a.has("options") ? " WITH (" + String.join(", ", WriterContext.texts(a.get("options"))) + ")" : "")
                            + " AS\n" + ViewWriter.body(a) + ";\n");
                }
                left.remove("columns");
            }
            case ENUM -> {
                if (left.remove("labels")) {
                    sb.append(enumLabels(after, b, a));
                }
            }
            case SEQUENCE -> sequence(after, b, a, left, sb);
            case EXTENSION -> {
                if (left.remove("version")) {
                    sb.append("ALTER EXTENSION ").append(Sql.ident(after.key().name())).append(" UPDATE TO ")
                            .append(Sql.literal(a.get("version").asText())).append(";\n");
                }
                if (left.remove("schema")) {
                    sb.append("ALTER EXTENSION ").append(Sql.ident(after.key().name())).append(" SET SCHEMA ")
                            .append(a.get("schema").asText()).append(";\n");
                }
            }
            case TRIGGER, RULE -> {
                if (left.remove("enabled")) {
                    sb.append(TableObjectWriter.enabled("ALTER TABLE " + Sql.qualified(after.key().schema(), after.key().parent()),
                            (kind == ObjectKind.TRIGGER ? "TRIGGER " : "RULE ") + Sql.ident(after.key().name()),
                            a.has("enabled") ? a.get("enabled") : com.fasterxml.jackson.databind.node.TextNode.valueOf("origin")));
                }
            }
            case PUBLICATION -> {
                if (left.remove("publish") | left.remove("via_root")) {
                    sb.append("ALTER PUBLICATION ").append(Sql.ident(after.key().name())).append(" SET (publish = ")
                            .append(Sql.literal(a.path("publish").asText(""))).append(", publish_via_partition_root = ")
                            .append(a.path("via_root").asBoolean()).append(");\n");
                }
            }
            default -> {
            }
        }
        if (!left.isEmpty()) {
            if (RECREATED.contains(kind) || kind == ObjectKind.TRIGGER || kind == ObjectKind.RULE) {
                List<Part> created = creator.create(after, a, ctx);
                if (created.isEmpty()) {
                    return List.of();
                }
                List<Part> out = new ArrayList<>();
                Part first = created.get(0);
                out.add(new Part(first.object(), first.rank(), Targets.drop(after.key()) + first.sql(), first.after()));
                out.addAll(created.subList(1, created.size()));
                return out;
            }
            throw refuse(after, String.join(", ", left));
        }
        List<Part> out = new ArrayList<>();
        if (sb.length() > 0) {
            out.add(Part.of(after.key(), rankOf(kind), sb.toString()));
        }
        out.addAll(extra);
        if (out.isEmpty()) {
            out.add(Part.of(after.key(), rankOf(kind), ""));
        }
        return out;
    }

    /** Owner, comment and privileges, which every kind changes the same way. */
    private static void common(CatalogObject after, ObjectNode b, ObjectNode a, Set<String> left, StringBuilder sb, WriterContext ctx) {
        ObjectKind kind = after.kind();
        if (left.remove("owner")) {
            String owner = ctx.owner(a);
            if (!owner.equals(ctx.owner(b))) {
                sb.append("ALTER ").append(Targets.of(after.key())).append(" OWNER TO ").append(Sql.role(owner)).append(";\n");
            }
        }
        if (left.remove("comment")) {
            JsonNode c = a.get("comment");
            sb.append("COMMENT ON ").append(Targets.of(after.key())).append(" IS ")
                    .append(c == null ? "NULL" : Sql.literal(c.asText())).append(";\n");
        }
        if (left.remove("acl") && kind != ObjectKind.DEFAULT_PRIVILEGES) {
            List<AclItem> from = b.has("acl") ? ctx.wantedAcl(b, b.get("acl")) : List.of();
            List<AclItem> to = a.has("acl") ? ctx.wantedAcl(a, a.get("acl")) : List.of();
            sb.append(Privileges.statements(Targets.grant(after.key()), from, to));
        }
    }

    private static void table(CatalogObject after, ObjectNode b, ObjectNode a, Set<String> left, StringBuilder sb,
                              List<Part> extra, WriterContext ctx) {
        String q = Sql.qualified(after.key().schema(), after.key().name());
        StringBuilder security = new StringBuilder();
        if (left.remove("row_security")) {
            security.append("ALTER TABLE ").append(q).append(a.path("row_security").asBoolean() ? " ENABLE" : " DISABLE")
                    .append(" ROW LEVEL SECURITY;\n");
        }
        if (left.remove("force_row_security")) {
            security.append("ALTER TABLE ").append(q).append(a.path("force_row_security").asBoolean() ? " FORCE" : " NO FORCE")
                    .append(" ROW LEVEL SECURITY;\n");
        }
        if (left.remove("replica_identity")) {
            String ri = a.path("replica_identity").asText("default");
            security.append("ALTER TABLE ONLY ").append(q).append(" REPLICA IDENTITY ")
                    .append(ri.startsWith("index ") ? "USING INDEX " + ri.substring(6) : ri.toUpperCase(java.util.Locale.ROOT)).append(";\n");
        }
        if (security.length() > 0) {
            extra.add(Part.of(after.key(), Rank.ROW_SECURITY, security.toString()));
        }
        if (left.remove("options")) {
            List<String> was = WriterContext.texts(b.get("options"));
            List<String> now = WriterContext.texts(a.get("options"));
            List<String> reset = new ArrayList<>();
            for (String o : was) {
                String key = o.substring(0, o.indexOf('='));
                if (now.stream().noneMatch(n -> n.startsWith(key + "="))) {
                    reset.add(key);
                }
            }
            if (!reset.isEmpty()) {
                sb.append("ALTER TABLE ").append(q).append(" RESET (").append(String.join(", ", reset)).append(");\n");
            }
            if (!now.isEmpty()) {
                sb.append("ALTER TABLE ").append(q).append(" SET (").append(String.join(", ", now)).append(");\n");
            }
        }
        if (left.remove("columns")) {
            columns(after, q, b, a, sb, ctx);
        }
    }

    private static void columns(CatalogObject after, String q, ObjectNode b, ObjectNode a, StringBuilder sb, WriterContext ctx) {
        List<String> was = names(b.get("columns"));
        List<String> now = names(a.get("columns"));
        List<String> kept = new ArrayList<>(was);
        kept.retainAll(now);
        if (!now.subList(0, Math.min(kept.size(), now.size())).equals(kept)) {
            throw refuse(after, "columns (order): new columns can only be written at the end of an environment table");
        }
        for (String gone : was) {
            if (!now.contains(gone)) {
                sb.append("ALTER TABLE ").append(q).append(" DROP COLUMN ").append(Sql.ident(gone)).append(";\n");
            }
        }
        for (JsonNode c : a.path("columns")) {
            String name = c.get("name").asText();
            String qn = Sql.ident(name);
            JsonNode old = column(b.get("columns"), name);
            if (old == null) {
                sb.append("ALTER TABLE ").append(q).append(" ADD COLUMN ").append(qn).append(' ')
                        .append(TableWriter.columnDefinition(c)).append(";\n");
                sb.append(TableWriter.columnSettings(q, qn, c));
                if (c.has("acl")) {
                    sb.append(Privileges.columnStatements(q, qn, List.of(), ctx.wantedAcl(a, c.get("acl"))));
                }
                continue;
            }
            if (old.equals(c)) {
                continue;
            }
            Set<String> diff = changedFields((ObjectNode) old, (ObjectNode) c);
            String alter = "ALTER TABLE " + q + " ALTER COLUMN " + qn;
            if (diff.remove("type") | diff.remove("collation")) {
                sb.append(alter).append(" TYPE ").append(c.get("type").asText())
                        .append(c.has("collation") ? " COLLATE " + c.get("collation").asText() : "").append(";\n");
            }
            if (diff.remove("default")) {
                sb.append(alter).append(c.has("default") ? " SET DEFAULT " + c.get("default").asText() : " DROP DEFAULT").append(";\n");
            }
            if (diff.remove("not_null")) {
                sb.append(alter).append(c.path("not_null").asBoolean() ? " SET NOT NULL" : " DROP NOT NULL").append(";\n");
            }
            if (diff.remove("comment")) {
                sb.append("COMMENT ON COLUMN ").append(q).append('.').append(qn).append(" IS ")
                        .append(c.has("comment") ? Sql.literal(c.get("comment").asText()) : "NULL").append(";\n");
            }
            if (diff.remove("acl")) {
                List<AclItem> from = old.has("acl") ? ctx.wantedAcl(b, old.get("acl")) : List.of();
                List<AclItem> to = c.has("acl") ? ctx.wantedAcl(a, c.get("acl")) : List.of();
                sb.append(Privileges.columnStatements(q, qn, from, to));
            }
            if (diff.remove("storage")) {
                sb.append(alter).append(" SET STORAGE ").append(c.path("storage").asText("extended").toUpperCase(java.util.Locale.ROOT)).append(";\n");
            }
            if (diff.remove("statistics")) {
                sb.append(alter).append(" SET STATISTICS ").append(c.path("statistics").asText("-1")).append(";\n");
            }
            if (!diff.isEmpty()) {
                throw refuse(after, "columns[" + name + "]." + String.join(", ", diff));
            }
        }
    }

    private static void sequence(CatalogObject after, ObjectNode b, ObjectNode a, Set<String> left, StringBuilder sb) {
        String q = Sql.qualified(after.key().schema(), after.key().name());
        boolean options = false;
        for (String f : List.of("data_type", "start", "increment", "min", "max", "cache", "cycle")) {
            options |= left.remove(f);
        }
        if (options) {
            sb.append("ALTER SEQUENCE ").append(q).append(SequenceWriter.options(a, true).replace("\n    CYCLE", ""))
                    .append(a.path("cycle").asBoolean() ? "\n    CYCLE" : "\n    NO CYCLE").append(";\n");
        }
        if (left.remove("owned_by")) {
            sb.append("ALTER SEQUENCE ").append(q).append(" OWNED BY ").append(a.has("owned_by") ? a.get("owned_by").asText() : "NONE").append(";\n");
        }
    }

    private static String enumLabels(CatalogObject after, ObjectNode b, ObjectNode a) {
        List<String> was = WriterContext.texts(b.get("labels"));
        List<String> now = WriterContext.texts(a.get("labels"));
        List<String> kept = new ArrayList<>(now);
        kept.retainAll(was);
        if (!kept.equals(was)) {
            throw refuse(after, "labels (a label was removed or reordered; PostgreSQL can only add enum labels)");
        }
        String q = Sql.qualified(after.key().schema(), after.key().name());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < now.size(); i++) {
            String label = now.get(i);
            if (!was.contains(label)) {
                sb.append("ALTER TYPE ").append(q).append(" ADD VALUE ").append(Sql.literal(label));
                if (i > 0) {
                    sb.append(" AFTER ").append(Sql.literal(now.get(i - 1)));
                }
                else if (now.size() > 1) {
                    sb.append(" BEFORE ").append(Sql.literal(now.get(1)));
                }
                sb.append(";\n");
            }
        }
        return sb.toString();
    }

    /** Attributes and memberships the history changed on a role the environment brought. */
    private static String role(String name, ObjectNode b, ObjectNode a) {
        StringBuilder sb = new StringBuilder();
        ObjectNode attrsOnly = a.deepCopy();
        attrsOnly.remove(List.of("member_of", "settings", "database_settings"));
        ObjectNode before = b.deepCopy();
        before.remove(List.of("member_of", "settings", "database_settings"));
        if (!attrsOnly.equals(before)) {
            sb.append("ALTER ROLE ").append(Sql.ident(name)).append(RoleWriter.attributes(a)).append(";\n");
        }
        sb.append(roleSettings(name, WriterContext.texts(b.get("settings")), WriterContext.texts(a.get("settings")), false));
        sb.append(roleSettings(name, WriterContext.texts(b.get("database_settings")), WriterContext.texts(a.get("database_settings")), true));
        List<String> was = WriterContext.texts(b.get("member_of"));
        List<String> now = WriterContext.texts(a.get("member_of"));
        for (String g : was) {
            if (!now.contains(g)) {
                sb.append("REVOKE ").append(Sql.ident(g)).append(" FROM ").append(Sql.ident(name)).append(";\n");
            }
        }
        for (String g : now) {
            if (!was.contains(g)) {
                sb.append("GRANT ").append(Sql.ident(g)).append(" TO ").append(Sql.ident(name)).append(";\n");
            }
        }
        return sb.toString();
    }

    private static String roleSettings(String role, List<String> was, List<String> now, boolean inDatabase) {
        StringBuilder sb = new StringBuilder();
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String s : now) {
            names.add(Settings.name(s));
        }
        for (String s : was) {
            if (!names.contains(Settings.name(s))) {
                String action = "RESET " + Settings.clause(Settings.name(s), "").replaceAll(" TO .*", "");
                sb.append(inDatabase ? Settings.alterRoleInCurrentDatabase(role, action)
                        : "ALTER ROLE " + Sql.ident(role) + " " + action + ";\n");
            }
        }
        for (String s : now) {
            if (!was.contains(s)) {
                String action = "SET " + Settings.clause(Settings.name(s), Settings.value(s));
                sb.append(inDatabase ? Settings.alterRoleInCurrentDatabase(role, action)
                        : "ALTER ROLE " + Sql.ident(role) + " " + action + ";\n");
            }
        }
        return sb.toString();
    }

    private static Rank rankOf(ObjectKind kind) {
        return switch (kind) {
            case SCHEMA -> Rank.SCHEMA;
            case EXTENSION -> Rank.EXTENSION;
            case COLLATION -> Rank.COLLATION;
            case ENUM, DOMAIN, COMPOSITE_TYPE, RANGE_TYPE -> Rank.TYPE;
            case SEQUENCE -> Rank.SEQUENCE;
            case FUNCTION, PROCEDURE -> Rank.FUNCTION;
            case AGGREGATE -> Rank.AGGREGATE;
            case OPERATOR -> Rank.OPERATOR;
            case CAST -> Rank.CAST;
            case TABLE -> Rank.TABLE;
            case VIEW, MATERIALIZED_VIEW -> Rank.VIEW;
            case CONSTRAINT -> Rank.CONSTRAINT;
            case INDEX -> Rank.INDEX;
            case TRIGGER -> Rank.TRIGGER;
            case RULE -> Rank.RULE;
            case POLICY -> Rank.POLICY;
            case STATISTICS -> Rank.STATISTICS;
            case EVENT_TRIGGER -> Rank.EVENT_TRIGGER;
            case PUBLICATION -> Rank.PUBLICATION;
            case PUBLICATION_TABLE -> Rank.PUBLICATION_TABLE;
            case DEFAULT_PRIVILEGES -> Rank.DEFAULT_PRIVILEGES;
            default -> Rank.MEMBER_PRIVILEGES;
        };
    }

    static Set<String> changedFields(ObjectNode b, ObjectNode a) {
        Set<String> names = new TreeSet<>();
        b.fieldNames().forEachRemaining(names::add);
        a.fieldNames().forEachRemaining(names::add);
        Set<String> changed = new TreeSet<>();
        for (String n : names) {
            if (!Objects.equals(b.get(n), a.get(n))) {
                changed.add(n);
            }
        }
        return changed;
    }

    private static List<String> names(JsonNode columns) {
        List<String> out = new ArrayList<>();
        if (columns != null) {
            for (JsonNode c : columns) {
                out.add(c.get("name").asText());
            }
        }
        return out;
    }

    private static JsonNode column(JsonNode columns, String name) {
        if (columns != null) {
            for (Iterator<JsonNode> it = columns.elements(); it.hasNext(); ) {
                JsonNode c = it.next();
                if (name.equals(c.get("name").asText())) {
                    return c;
                }
            }
        }
        return null;
    }

    private static List<AclItem> acl(ObjectNode f) {
        return Privileges.parse(WriterContext.texts(f.get("acl")));
    }

    private static ObjectNode emptyAcl(CatalogObject before) {
        ObjectNode n = before.fields();
        n.set("acl", PrivilegeWriter.initial(before).stream().map(AclItem::text)
                .collect(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance::arrayNode,
                        com.fasterxml.jackson.databind.node.ArrayNode::add,
                        com.fasterxml.jackson.databind.node.ArrayNode::addAll));
        return n;
    }

    private static Problem refuse(CatalogObject o, String fields) {
        return Problem.precondition("The history changed " + o.key().display()
                        + ", which the environment created, in a way the baseline cannot write: " + fields + ".")
                .why("Only changes that ALTER statements can make to an existing object are written for environment objects.")
                .fix("Make that change in the environment's bootstrap instead of the migrations, or leave the object to the history "
                        + "(e.g. a table the history creates itself).")
                .state("Nothing was written.")
                .build();
    }
}
