package dev.consolidate.catalog.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The catalog of one database as a sorted set of objects. Immutable. Its fingerprint is the
 * SHA-256 over every object's identity and content hash, in key order.
 */
public final class Snapshot {
    private final SnapshotInfo info;
    private final SortedMap<ObjectKey, CatalogObject> objects;
    private String fingerprint;

    public Snapshot(SnapshotInfo info, Collection<CatalogObject> objects) {
        this.info = info;
        TreeMap<ObjectKey, CatalogObject> m = new TreeMap<>();
        for (CatalogObject o : objects) {
            if (m.put(o.key(), o) != null) {
                throw new IllegalArgumentException("two objects with the identity " + o.key().display());
            }
        }
        this.objects = Collections.unmodifiableSortedMap(m);
    }

    public SnapshotInfo info() {
        return info;
    }

    /** All objects in key order. */
    public Collection<CatalogObject> objects() {
        return objects.values();
    }

    public SortedMap<ObjectKey, CatalogObject> byKey() {
        return objects;
    }

    public Optional<CatalogObject> get(ObjectKey key) {
        return Optional.ofNullable(objects.get(key));
    }

    public boolean contains(ObjectKey key) {
        return objects.containsKey(key);
    }

    public int size() {
        return objects.size();
    }

    public List<CatalogObject> ofKind(ObjectKind kind) {
        List<CatalogObject> out = new ArrayList<>();
        for (CatalogObject o : objects.values()) {
            if (o.kind() == kind) {
                out.add(o);
            }
        }
        return out;
    }

    /** Number of objects per kind (kinds without objects are absent), tombstones not counted. */
    public Map<ObjectKind, Integer> counts() {
        Map<ObjectKind, Integer> counts = new EnumMap<>(ObjectKind.class);
        for (CatalogObject o : objects.values()) {
            if (!o.isDropped()) {
                counts.merge(o.kind(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The objects the snapshot could not model (coverage errors once scoped). */
    public List<CatalogObject> unmodelled() {
        return ofKind(ObjectKind.UNMODELLED);
    }

    public Snapshot filter(Predicate<CatalogObject> keep) {
        List<CatalogObject> kept = new ArrayList<>();
        for (CatalogObject o : objects.values()) {
            if (keep.test(o)) {
                kept.add(o);
            }
        }
        return new Snapshot(info, kept);
    }

    /** sha256 over "identity TAB hash" lines in key order; the identity is the JSON form's key. */
    public synchronized String fingerprint() {
        if (fingerprint == null) {
            StringBuilder sb = new StringBuilder();
            for (CatalogObject o : objects.values()) {
                sb.append(SnapshotJson.keyText(o.key())).append('\t').append(o.hash()).append('\n');
            }
            fingerprint = CanonicalJson.sha256(sb.toString());
        }
        return fingerprint;
    }
}
