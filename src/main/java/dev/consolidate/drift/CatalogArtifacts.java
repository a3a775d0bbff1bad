package dev.consolidate.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.model.SnapshotJson;
import dev.consolidate.catalog.scope.Scope;
import dev.consolidate.catalog.scope.ScopedSnapshot;
import dev.consolidate.fs.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

/**
 * Catalogs kept in the run folder between steps (and across a crash): a snapshot as the catalog
 * engine's deterministic JSON, and a scope as its profile, schemas, excluded tables and
 * environment snapshot. Reading a snapshot back re-derives every hash, so a damaged file is refused.
 */
public final class CatalogArtifacts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogArtifacts() {
    }

    public static void writeSnapshot(Path file, Snapshot snapshot) {
        write(file, SnapshotJson.write(snapshot));
    }

    public static Snapshot readSnapshot(Path file) {
        return SnapshotJson.read(new StringReader(read(file)));
    }

    /** The scope beside its environment snapshot ({@code <file>} and {@code <file>.environment.json}). */
    public static void writeScope(Path file, Scope scope) {
        ObjectNode n = JSON.createObjectNode();
        n.put("profile", scope.profile());
        ArrayNode schemas = n.putArray("platformSchemas");
        scope.platformSchemas().forEach(schemas::add);
        ArrayNode tables = n.putArray("excludedTables");
        scope.excludedTables().forEach(tables::add);
        writeSnapshot(environmentFile(file), scope.environment());
        write(file, n.toPrettyString() + "\n");
    }

    public static Scope readScope(Path file) {
        try {
            JsonNode n = JSON.readTree(read(file));
            TreeSet<String> schemas = new TreeSet<>();
            n.path("platformSchemas").forEach(s -> schemas.add(s.asText()));
            TreeSet<String> tables = new TreeSet<>();
            n.path("excludedTables").forEach(s -> tables.add(s.asText()));
            return new Scope(n.path("profile").asText(), readSnapshot(environmentFile(file)), schemas, tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scoped catalog: the unscoped snapshot it came from plus its scope, re-applied on reading. */
    public static ScopedSnapshot readScoped(Path snapshotFile, Path scopeFile) {
        return readScope(scopeFile).apply(readSnapshot(snapshotFile));
    }

    private static Path environmentFile(Path scopeFile) {
        return scopeFile.resolveSibling(scopeFile.getFileName() + ".environment.json");
    }

    private static void write(Path file, String text) {
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
