package dev.consolidate.catalog.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.CatalogObject;
import java.util.List;

/**
 * Roles the objects refer to, created only where missing (they belong to the cluster, and a
 * database on a server that has them must not fail), with their attributes and memberships;
 * never a password: a role that logs in gets its password from whoever runs the server.
 */
final class RoleWriter implements ObjectWriter {

    @Override
    public List<Part> create(CatalogObject o, ObjectNode f, WriterContext ctx) {
        String name = o.key().name();
        if (name.equals(ctx.runner())) {
            return List.of();
        }
        String sql = "DO $role$\nBEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = " + Sql.literal(name) + ") THEN\n"
                + "        CREATE ROLE " + Sql.ident(name) + attributes(f) + ";\n    END IF;\nEND\n$role$;\n"
                + memberships(name, f) + settings(name, f);
        return List.of(Part.of(o.key(), Rank.ROLE, sql));
    }

    /** ALTER ROLE ... SET for the role's own settings, and for its settings in this database. */
    static String settings(String name, ObjectNode f) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode s : f.path("settings")) {
            sb.append("ALTER ROLE ").append(Sql.ident(name)).append(" SET ")
                    .append(Settings.clause(Settings.name(s.asText()), Settings.value(s.asText()))).append(";\n");
        }
        for (JsonNode s : f.path("database_settings")) {
            sb.append(Settings.alterRoleInCurrentDatabase(name, "SET " + Settings.clause(Settings.name(s.asText()), Settings.value(s.asText()))));
        }
        return sb.toString();
    }

    static String attributes(ObjectNode f) {
        return (f.path("login").asBoolean() ? " LOGIN" : " NOLOGIN")
                + (f.path("inherit").asBoolean(true) ? " INHERIT" : " NOINHERIT")
                + (f.path("superuser").asBoolean() ? " SUPERUSER" : "")
                + (f.path("create_role").asBoolean() ? " CREATEROLE" : "")
                + (f.path("create_db").asBoolean() ? " CREATEDB" : "")
                + (f.path("replication").asBoolean() ? " REPLICATION" : "")
                + (f.path("bypass_rls").asBoolean() ? " BYPASSRLS" : "");
    }

    static String memberships(String name, ObjectNode f) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode g : f.path("member_of")) {
            sb.append("GRANT ").append(Sql.ident(g.asText())).append(" TO ").append(Sql.ident(name)).append(";\n");
        }
        return sb.toString();
    }
}
