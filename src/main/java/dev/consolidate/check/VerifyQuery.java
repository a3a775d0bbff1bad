package dev.consolidate.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.CanonicalJson;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.ObjectKind;
import dev.consolidate.catalog.read.CatalogQuery;
import dev.consolidate.catalog.scope.ScopedSnapshot;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one query of the verify script: it runs the catalog engine's own object queries inside the
 * database, hashes each description there exactly as {@link CatalogObject} does (sha256 of the
 * jsonb text), applies the history's scope (environment objects left as they were, platform
 * schemas, history tables) and returns one line per object that differs from the embedded
 * expectations. Only hashes are embedded, never definitions: per field of each object (and per
 * element of its named lists, e.g. columns[email]) a 16-digit prefix, so a difference can be named.
 */
final class VerifyQuery {
    private static final String TOMBSTONE = CatalogObject.dropped(ObjectKey.of(ObjectKind.SCHEMA, null, "-")).hash();
    private static final String HASH = "encode(pg_catalog.sha256(pg_catalog.convert_to(%s::text, 'UTF8')), 'hex')";
    private static final String SHORT_HASH = "left(" + HASH + ", 16)";

    private VerifyQuery() {
    }

    static String text(ScopedSnapshot baseline) {
        StringBuilder sb = new StringBuilder("WITH kind_order (kind, ord) AS (\n");
        List<String> kinds = new ArrayList<>();
        for (ObjectKind k : ObjectKind.values()) {
            kinds.add("(" + literal(k.id()) + ", " + k.ordinal() + ")");
        }
        sb.append(values(kinds, "SELECT NULL::text, NULL::int WHERE false")).append("\n),\n");
        sb.append("expected (kind, schema_name, object_name, parent_name, signature, hash, fields) AS (\n")
                .append(values(expectedRows(baseline), "SELECT NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::jsonb WHERE false"))
                .append("\n),\n");
        List<String> env = new ArrayList<>();
        for (CatalogObject o : baseline.environment().objects()) {
            env.add("(" + key(o.key()) + ", " + literal(o.hash()) + ")");
        }
        sb.append("environment (kind, schema_name, object_name, parent_name, signature, hash) AS (\n")
                .append(values(env, "SELECT NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text WHERE false"))
                .append("\n),\n");
        sb.append("platform_only (schema_name) AS (\n").append(values(platformOnly(baseline), "SELECT NULL::text WHERE false"))
                .append("\n),\n");
        List<String> excluded = baseline.scope().excludedTables().stream().map(t -> "(" + literal(t) + ")").toList();
        sb.append("excluded_table (name) AS (\n").append(values(excluded, "SELECT NULL::text WHERE false")).append("\n),\n");
        sb.append("actual_raw AS (\n");
        List<CatalogQuery> queries = CatalogQuery.objectQueries();
        for (int i = 0; i < queries.size(); i++) {
            sb.append(i == 0 ? "" : "    UNION ALL\n")
                    .append("    SELECT kind::text, schema_name::text, object_name::text, parent_name::text, signature::text, description::jsonb\n")
                    .append("    FROM (\n").append(queries.get(i).text().stripTrailing()).append("\n    ) ").append(queries.get(i).name().toLowerCase(java.util.Locale.ROOT))
                    .append('\n');
        }
        sb.append("),\n");
        sb.append("""
                actual_all AS (
                    SELECT a.*, jsonb_build_array(a.kind, a.schema_name, a.object_name, a.parent_name, a.signature)::text AS k,
                           %s AS hash
                    FROM actual_raw a
                    WHERE NOT EXISTS (SELECT 1 FROM excluded_table x WHERE x.name = %s)
                ),
                actual AS (
                    -- a schema the tool made for its history table alone is the tool's, like the table
                    SELECT a.* FROM actual_all a
                    WHERE NOT (a.kind = 'schema'
                               AND EXISTS (SELECT 1 FROM excluded_table x WHERE split_part(x.name, '.', 1) = a.object_name)
                               AND NOT EXISTS (SELECT 1 FROM environment e WHERE e.kind = 'schema' AND e.object_name = a.object_name)
                               AND NOT EXISTS (SELECT 1 FROM actual_all o WHERE o.kind <> 'schema' AND o.schema_name = a.object_name))
                ),
                env AS (
                    SELECT e.*, jsonb_build_array(e.kind, e.schema_name, e.object_name, e.parent_name, e.signature)::text AS k
                    FROM environment e
                    WHERE NOT EXISTS (SELECT 1 FROM excluded_table x WHERE x.name = %s)
                ),
                scoped AS (
                    SELECT a.k, a.kind, a.schema_name, a.object_name, a.parent_name, a.signature, a.hash, a.description
                    FROM actual a
                    WHERE NOT EXISTS (SELECT 1 FROM env e WHERE e.k = a.k AND e.hash = a.hash)
                      AND (EXISTS (SELECT 1 FROM env e WHERE e.k = a.k)
                           OR NOT EXISTS (SELECT 1 FROM platform_only p WHERE p.schema_name = a.schema_name))
                    UNION ALL
                    SELECT e.k, e.kind, e.schema_name, e.object_name, e.parent_name, e.signature, '%s', NULL::jsonb
                    FROM env e
                    WHERE NOT EXISTS (SELECT 1 FROM actual a WHERE a.k = e.k)
                ),
                keyed AS (
                    SELECT x.*, jsonb_build_array(x.kind, x.schema_name, x.object_name, x.parent_name, x.signature)::text AS k
                    FROM expected x
                ),
                mismatch AS (
                    SELECT CASE WHEN x.k IS NULL THEN s.kind ELSE x.kind END AS kind,
                           CASE WHEN x.k IS NULL THEN s.schema_name ELSE x.schema_name END AS schema_name,
                           CASE WHEN x.k IS NULL THEN s.object_name ELSE x.object_name END AS object_name,
                           CASE WHEN x.k IS NULL THEN s.parent_name ELSE x.parent_name END AS parent_name,
                           CASE WHEN x.k IS NULL THEN s.signature ELSE x.signature END AS signature,
                           x.hash AS expected_hash, s.hash AS actual_hash, x.fields, s.description
                    FROM keyed x
                    FULL JOIN scoped s ON s.k = x.k
                    WHERE x.k IS NULL OR s.k IS NULL OR x.hash <> s.hash
                )
                SELECT CASE
                           WHEN m.expected_hash = '%s' THEN 'still present (the history drops it): '
                           WHEN m.actual_hash IS NULL OR m.actual_hash = '%s' THEN 'missing: '
                           WHEN m.expected_hash IS NULL THEN 'unexpected: '
                           ELSE 'different: '
                       END
                       || %s
                       || CASE WHEN m.expected_hash IS NOT NULL AND m.actual_hash IS NOT NULL AND m.actual_hash <> '%s'
                                    AND m.expected_hash <> '%s'
                               THEN coalesce(' (' || f.fields || ')', '') ELSE '' END AS mismatch
                FROM mismatch m
                JOIN kind_order o ON o.kind = m.kind
                LEFT JOIN LATERAL (
                    WITH a AS (%s),
                    d AS (
                        SELECT coalesce(e.key, a.field) AS field
                        FROM jsonb_each_text(m.fields) e
                        FULL JOIN a ON a.field = e.key
                        WHERE e.key IS NULL OR a.field IS NULL OR e.value <> a.h
                    )
                    SELECT string_agg(d.field, ', ' ORDER BY d.field COLLATE "C") AS fields
                    FROM d
                    WHERE NOT EXISTS (SELECT 1 FROM d d2 WHERE left(d2.field, length(d.field) + 1) = d.field || '[')
                ) f ON m.fields IS NOT NULL AND m.description IS NOT NULL
                ORDER BY o.ord, m.schema_name COLLATE "C" NULLS FIRST, m.parent_name COLLATE "C" NULLS FIRST,
                         m.object_name COLLATE "C", m.signature COLLATE "C" NULLS FIRST
                """.formatted(HASH.formatted("a.description"), tableOf("a"), tableOf("e"), TOMBSTONE, TOMBSTONE, TOMBSTONE,
                display("m"), TOMBSTONE, TOMBSTONE, fieldHashes("m.description")));
        return sb.toString();
    }

    /** ObjectKey.display() in SQL, over columns kind, schema_name, object_name, parent_name, signature of {@code t}. */
    static String display(String t) {
        String qualified = "coalesce(" + t + ".schema_name || '.', '') || ";
        String label = "replace(" + t + ".kind, '_', ' ')";
        return "CASE\n"
                + "    WHEN " + t + ".kind IN ('constraint', 'index', 'trigger', 'rule', 'policy') THEN " + label + " || ' ' || "
                + t + ".object_name || ' on ' || " + qualified + t + ".parent_name\n"
                + "    WHEN " + t + ".kind = 'publication_table' THEN 'table ' || " + qualified + t + ".object_name || ' in publication ' || "
                + t + ".parent_name\n"
                + "    WHEN " + t + ".kind = 'default_privileges' THEN 'default privileges of role ' || " + t + ".object_name || ' on ' || "
                + t + ".signature || CASE WHEN " + t + ".schema_name IS NULL THEN ' (database-wide)' ELSE ' in schema ' || "
                + t + ".schema_name END\n"
                + "    WHEN " + t + ".kind = 'member_privileges' THEN 'privileges on extension member ' || " + t + ".object_name\n"
                + "    WHEN " + t + ".kind = 'unmodelled' THEN " + t + ".object_name\n"
                + "    WHEN " + t + ".kind IN ('function', 'procedure', 'aggregate') THEN " + label + " || ' ' || " + qualified
                + t + ".object_name || '(' || coalesce(" + t + ".signature, '') || ')'\n"
                + "    WHEN " + t + ".kind = 'operator' THEN 'operator ' || " + qualified + t + ".object_name || ' (' || " + t + ".signature || ')'\n"
                + "    WHEN " + t + ".kind = 'schema' THEN 'schema ' || " + t + ".object_name\n"
                + "    ELSE " + label + " || ' ' || " + qualified + t + ".object_name\n"
                + "END";
    }

    /** Rows (field, h) for a description: every top-level field, and every element of a named list. */
    private static String fieldHashes(String description) {
        String arr = "CASE WHEN jsonb_typeof(f.value) = 'array' THEN f.value ELSE '[]'::jsonb END";
        return "SELECT f.key AS field, " + SHORT_HASH.formatted("f.value") + " AS h FROM jsonb_each(" + description + ") f\n"
                + "                    UNION ALL\n"
                + "                    SELECT f.key || '[' || (el ->> 'name') || ']', " + SHORT_HASH.formatted("el") + "\n"
                + "                    FROM jsonb_each(" + description + ") f CROSS JOIN LATERAL jsonb_array_elements(" + arr + ") el\n"
                + "                    WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(" + arr + ") x\n"
                + "                                      WHERE jsonb_typeof(x) <> 'object' OR jsonb_typeof(x -> 'name') IS DISTINCT FROM 'string')\n"
                + "                      AND (SELECT count(DISTINCT x ->> 'name') FROM jsonb_array_elements(" + arr + ") x) = jsonb_array_length(" + arr + ")";
    }

    /** The "schema.table" an object sits on when it is a table, a publication table or belongs to a table. */
    private static String tableOf(String t) {
        return t + ".schema_name || '.' || CASE WHEN " + t + ".kind IN ('table', 'publication_table') THEN " + t + ".object_name"
                + " WHEN " + t + ".kind IN ('constraint', 'index', 'trigger', 'rule', 'policy') THEN " + t + ".parent_name END";
    }

    private static List<String> expectedRows(ScopedSnapshot baseline) {
        List<String> rows = new ArrayList<>();
        for (CatalogObject o : baseline.objects().objects()) {
            String fields = o.isDropped() ? "NULL::jsonb" : literal(CanonicalJson.render(fieldHashes(o))) + "::jsonb";
            rows.add("(" + key(o.key()) + ", " + literal(o.hash()) + ", " + fields + ")");
        }
        return rows;
    }

    /** The same rows {@link #fieldHashes(String)} computes in SQL, from the expected description. */
    static ObjectNode fieldHashes(CatalogObject o) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode fields = o.fields();
        for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode value = fields.get(name);
            out.put(name, shortHash(value));
            if (CanonicalJson.isNamedList(value)) {
                for (JsonNode el : value) {
                    out.put(name + "[" + el.get("name").textValue() + "]", shortHash(el));
                }
            }
        }
        return out;
    }

    private static String shortHash(JsonNode value) {
        return CanonicalJson.sha256(CanonicalJson.render(value)).substring(0, 16);
    }

    private static List<String> platformOnly(ScopedSnapshot baseline) {
        Set<String> environmentSchemas = new TreeSet<>();
        baseline.environment().objects().forEach(o -> {
            if (o.key().schema() != null) {
                environmentSchemas.add(o.key().schema());
            }
        });
        List<String> rows = new ArrayList<>();
        for (String s : baseline.scope().platformSchemas()) {
            if (!environmentSchemas.contains(s)) {
                rows.add("(" + literal(s) + ")");
            }
        }
        return rows;
    }

    private static String key(ObjectKey k) {
        return literal(k.kind().id()) + ", " + literal(k.schema()) + ", " + literal(k.name()) + ", " + literal(k.parent()) + ", "
                + literal(k.signature());
    }

    private static String values(List<String> rows, String empty) {
        if (rows.isEmpty()) {
            return "    " + empty;
        }
        return "    VALUES\n        " + String.join(",\n        ", rows);
    }

    /** A standard-conforming string literal (the script turns standard_conforming_strings on). */
    static String literal(String s) {
        return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
    }
}
