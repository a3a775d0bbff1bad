package dev.consolidate.catalog.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One object of a snapshot. {@code description} is the canonical JSON text of everything that is
 * compared (see {@link CanonicalJson}) and {@code hash} its SHA-256; {@code hints} holds what the
 * baseline writer needs that is not content (the server's default ACL for the owner, ...), never
 * compared; {@code dependsOn} lists the snapshot objects this one needs first (from pg_depend),
 * sorted. Descriptions are kept as text and parsed on demand: a 10,000-table snapshot must stay
 * small.
 */
public record CatalogObject(ObjectKey key, String description, String hints, String hash, List<ObjectKey> dependsOn) {

    private static final String DROPPED = "{\"dropped\": true}";

    public CatalogObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(hash, "hash");
        dependsOn = List.copyOf(dependsOn);
    }

    public static CatalogObject of(ObjectKey key, String description, String hints, List<ObjectKey> dependsOn) {
        return new CatalogObject(key, description, hints, CanonicalJson.sha256(description), dependsOn);
    }

    /**
     * An object the environment had and the history dropped: the baseline must drop it too. It
     * is compared like any other object.
     */
    public static CatalogObject dropped(ObjectKey key) {
        return of(key, DROPPED, null, List.of());
    }

    public boolean isDropped() {
        return description.length() == DROPPED.length() && DROPPED.equals(description);
    }

    public ObjectKind kind() {
        return key.kind();
    }

    public ObjectNode fields() {
        return CanonicalJson.parseObject(description);
    }

    /** The hints as a tree; an empty object when there are none. */
    public ObjectNode hintFields() {
        return hints == null ? CanonicalJson.mapper().createObjectNode() : CanonicalJson.parseObject(hints);
    }

    /** A top-level text field of the description, or null. */
    public String text(String field) {
        JsonNode n = fields().get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
