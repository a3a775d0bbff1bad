package dev.consolidate.catalog.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The catalog of one database as a sorted set of objects. Immutable. Its fingerprint is the
 * SHA-256 over every object's identity and content hash, in key order.
 *
 * <p>The objects are sorted once, as an array (linear when they come in order, as a filtered
 * snapshot's do), and kept in a hash map that iterates in key order: a 10,000-table catalog
 * is built, filtered and scoped several times per run, and looked up hundreds of thousands of
 * times, each of which costs a tree a chain of string comparisons.
 */
public final class Snapshot {
    private static final Comparator<CatalogObject> BY_KEY = (a, b) -> a.key().compareTo(b.key());
    private final SnapshotInfo info;
    private final Map<ObjectKey, CatalogObject> objects;
    private String fingerprint;

    public Snapshot(SnapshotInfo info, Collection<CatalogObject> objects) {
        this.info = info;
        CatalogObject[] sorted = objects.toArray(new CatalogObject[0]);
        Arrays.sort(sorted, BY_KEY);
        LinkedHashMap<ObjectKey, CatalogObject> m = new LinkedHashMap<>(sorted.length * 4 / 3 + 1);
        for (int i = 0; i < sorted.length; i++) {
            if (i > 0 && sorted[i - 1].key().compareTo(sorted[i].key()) == 0) {
                throw new IllegalArgumentException("two objects with the identity " + sorted[i].key().display());
            }
            m.put(sorted[i].key(), sorted[i]);
        }
        this.objects = Collections.unmodifiableMap(m);
    }

    public SnapshotInfo info() {
        return info;
    }

    /** All objects in key order. */
    public Collection<CatalogObject> objects() {
        return objects.values();
    }

    /** Every object by its identity, iterating in key order. */
    public Map<ObjectKey, CatalogObject> byKey() {
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
            StringBuilder sb = new StringBuilder(objects.size() * 128);
            for (CatalogObject o : objects.values()) {
                SnapshotJson.appendKeyText(sb, o.key()).append('\t').append(o.hash()).append('\n');
            }
            fingerprint = CanonicalJson.sha256(sb.toString());
        }
        return fingerprint;
    }
}
