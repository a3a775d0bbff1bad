package dev.consolidate.catalog.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The set-based catalog queries, one resource file each under {@code consolidate/catalog/}. Object
 * queries share one row shape (see schemas.sql); the same text can be embedded in a psql script.
 */
public enum CatalogQuery {
    ROLES("roles"),
    SCHEMAS("schemas"),
    EXTENSIONS("extensions"),
    COLLATIONS("collations"),
    TYPES("types"),
    SEQUENCES("sequences"),
    FUNCTIONS("functions"),
    AGGREGATES("aggregates"),
    OPERATORS("operators"),
    CASTS("casts"),
    TABLES("tables"),
    VIEWS("views"),
    CONSTRAINTS("constraints"),
    INDEXES("indexes"),
    TRIGGERS("triggers"),
    RULES("rules"),
    POLICIES("policies"),
    STATISTICS("statistics"),
    EVENT_TRIGGERS("event_triggers"),
    PUBLICATIONS("publications"),
    PUBLICATION_TABLES("publication_tables"),
    DEFAULT_PRIVILEGES("default_privileges"),
    MEMBER_PRIVILEGES("member_privileges"),
    DATABASE_SETTINGS("database_settings"),
    COVERAGE("coverage"),
    DEPENDENCIES("dependencies"),
    ALIASES("aliases");

    private final String resource;
    private volatile String text;

    CatalogQuery(String resource) {
        this.resource = resource;
    }

    /** Queries returning objects (everything but the dependency queries), in reading order. */
    public static List<CatalogQuery> objectQueries() {
        return List.of(ROLES, SCHEMAS, EXTENSIONS, COLLATIONS, TYPES, SEQUENCES, FUNCTIONS, AGGREGATES, OPERATORS, CASTS,
                TABLES, VIEWS, CONSTRAINTS, INDEXES, TRIGGERS, RULES, POLICIES, STATISTICS, EVENT_TRIGGERS,
                PUBLICATIONS, PUBLICATION_TABLES, DEFAULT_PRIVILEGES, MEMBER_PRIVILEGES, DATABASE_SETTINGS, COVERAGE);
    }

    public String resourcePath() {
        return "/consolidate/catalog/" + resource + ".sql";
    }

    public String text() {
        String t = text;
        if (t == null) {
            try (InputStream in = CatalogQuery.class.getResourceAsStream(resourcePath())) {
                if (in == null) {
                    throw new IllegalStateException("catalog query missing from the build: " + resourcePath());
                }
                t = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            text = t;
        }
        return t;
    }
}
