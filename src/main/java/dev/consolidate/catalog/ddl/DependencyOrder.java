package dev.consolidate.catalog.ddl;

import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Orders parts by their real dependencies (pg_depend, plus what the writers declare), and among
 * the parts that are free to go, by phase, schema, rank and name, so the file reads schema by
 * schema and kind by kind wherever dependencies allow. A part that needs something from the
 * post-data phase (a view relying on a primary key, say) moves to the post-data phase with
 * everything that needs it. Edges are kept in primitive arrays: a 10,000-table catalog has
 * hundreds of thousands of them.
 */
final class DependencyOrder {

    /** A part with its effective phase, as placed. */
    record Placed(Part part, Phase phase) {
    }

    private DependencyOrder() {
    }

    static List<Placed> order(List<Part> parts, Snapshot snapshot) {
        Map<ObjectKey, CatalogObject> objects = snapshot.byKey();
        int n = parts.size();
        // an object's parts are consecutive: its first part is the anchor
        Map<ObjectKey, Integer> anchor = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            anchor.putIfAbsent(parts.get(i).object(), i);
        }
        int[][] deps = new int[n][];
        int[] buffer = new int[16];
        for (int i = 0; i < n; i++) {
            Part p = parts.get(i);
            int count = 0;
            int own = anchor.get(p.object());
            CatalogObject o = objects.get(p.object());
            List<ObjectKey> objectDeps = o == null || p.ownDependenciesOnly() ? List.of() : o.dependsOn();
            if (own != i) {
                buffer = add(buffer, count++, own);
                for (ObjectKey k : objectDeps) {
                    int same = sameRank(parts, anchor.get(k), p.rank());
                    if (same >= 0) {
                        buffer = add(buffer, count++, same);
                    }
                }
            } else {
                for (ObjectKey k : objectDeps) {
                    Integer a = anchor.get(k);
                    if (a != null) {
                        buffer = add(buffer, count++, a);
                    }
                }
            }
            for (ObjectKey k : p.after()) {
                Integer a = anchor.get(k);
                if (a != null) {
                    buffer = add(buffer, count++, a);
                }
            }
            deps[i] = distinctWithout(buffer, count, i);
        }
        Phase[] phase = phases(parts, deps);
        int[] priority = priorities(parts, phase, objects);
        int[] waiting = new int[n];
        int[] dependentCount = new int[n];
        for (int i = 0; i < n; i++) {
            waiting[i] = deps[i].length;
            for (int d : deps[i]) {
                dependentCount[d]++;
            }
        }
        int[][] dependents = new int[n][];
        for (int i = 0; i < n; i++) {
            dependents[i] = new int[dependentCount[i]];
            dependentCount[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int d : deps[i]) {
                dependents[d][dependentCount[d]++] = i;
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>(Comparator.comparingInt(i -> priority[i]));
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<Placed> out = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            out.add(new Placed(parts.get(i), phase[i]));
            for (int j : dependents[i]) {
                if (--waiting[j] == 0) {
                    ready.add(j);
                }
            }
        }
        if (out.size() < n) {
            throw new Cycle(stuck(parts, waiting), cycle(parts, waiting));
        }
        return out;
    }

    /** Parts left waiting on each other; the writer may split some and try again. */
    static final class Cycle extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient java.util.Set<ObjectKey> objects;
        private final Problem problem;

        Cycle(java.util.Set<ObjectKey> objects, Problem problem) {
            super(problem.what());
            this.objects = objects;
            this.problem = problem;
        }

        java.util.Set<ObjectKey> objects() {
            return objects;
        }

        Problem problem() {
            return problem;
        }
    }

    private static java.util.Set<ObjectKey> stuck(List<Part> parts, int[] waiting) {
        java.util.Set<ObjectKey> out = new java.util.TreeSet<>();
        for (int i = 0; i < parts.size(); i++) {
            if (waiting[i] > 0) {
                out.add(parts.get(i).object());
            }
        }
        return out;
    }

    /** The part of the object anchored at {@code first} that has {@code rank}, or -1. */
    private static int sameRank(List<Part> parts, Integer first, Rank rank) {
        if (first == null) {
            return -1;
        }
        ObjectKey object = parts.get(first).object();
        for (int j = first; j < parts.size() && parts.get(j).object().equals(object); j++) {
            if (parts.get(j).rank() == rank) {
                return j;
            }
        }
        return -1;
    }

    private static int[] add(int[] buffer, int at, int value) {
        int[] b = at < buffer.length ? buffer : Arrays.copyOf(buffer, buffer.length * 2);
        b[at] = value;
        return b;
    }

    private static int[] distinctWithout(int[] buffer, int count, int self) {
        int[] sorted = Arrays.copyOf(buffer, count);
        Arrays.sort(sorted);
        int m = 0;
        for (int k = 0; k < sorted.length; k++) {
            if (sorted[k] != self && (m == 0 || sorted[m - 1] != sorted[k])) {
                sorted[m++] = sorted[k];
            }
        }
        return m == sorted.length ? sorted : Arrays.copyOf(sorted, m);
    }

    /**
     * Each part's place among the parts free to go, computed once: phase, trailing ranks last (in
     * rank order), then schema (global objects first), rank, object and position. The order of
     * objects and schemas is read off the snapshot's keys (which iterate in order), so the sort
     * compares numbers.
     */
    private static int[] priorities(List<Part> parts, Phase[] phase, Map<ObjectKey, CatalogObject> objects) {
        Map<ObjectKey, Integer> objectOrder = new HashMap<>(objects.size() * 2);
        java.util.TreeSet<String> schemas = new java.util.TreeSet<>();
        for (ObjectKey k : objects.keySet()) {
            objectOrder.put(k, objectOrder.size());
            schemas.add(group(k));
        }
        java.util.TreeSet<ObjectKey> extra = new java.util.TreeSet<>();
        for (Part p : parts) {
            if (!objectOrder.containsKey(p.object())) {
                extra.add(p.object());
            }
            schemas.add(group(p.object()));
        }
        for (ObjectKey k : extra) {
            objectOrder.put(k, objectOrder.size());
        }
        Map<String, Integer> schemaOrder = new HashMap<>();
        for (String sc : schemas) {
            schemaOrder.put(sc, schemaOrder.size());
        }
        long[] key = new long[parts.size()];
        for (int i = 0; i < key.length; i++) {
            Part p = parts.get(i);
            boolean trailing = p.rank().trailing();
            key[i] = ((long) phase[i].ordinal() << 62)
                    | ((trailing ? 1L : 0L) << 61)
                    | ((long) (trailing ? p.rank().ordinal() : 0) << 55)
                    | ((long) schemaOrder.get(group(p.object())) << 38)
                    | ((long) p.rank().ordinal() << 32)
                    | objectOrder.get(p.object());
        }
        Integer[] idx = new Integer[parts.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> a.equals(b) ? 0 : key[a] != key[b] ? Long.compare(key[a], key[b]) : Integer.compare(a, b));
        int[] priority = new int[idx.length];
        for (int r = 0; r < idx.length; r++) {
            priority[idx[r]] = r;
        }
        return priority;
    }

    /** Global objects (no schema) first, then schema by schema. */
    private static String group(ObjectKey k) {
        return k.schema() == null ? "" : k.schema();
    }

    /** Effective phase: a part's own, or later if anything it needs is later (iterative DFS). */
    private static Phase[] phases(List<Part> parts, int[][] deps) {
        int n = parts.size();
        Phase[] phase = new Phase[n];
        byte[] state = new byte[n];
        int[] stackNode = new int[n];
        int[] stackPos = new int[n];
        for (int start = 0; start < n; start++) {
            if (state[start] != 0) {
                continue;
            }
            int top = 0;
            stackNode[0] = start;
            stackPos[0] = 0;
            state[start] = 1;
            while (top >= 0) {
                int node = stackNode[top];
                int[] ds = deps[node];
                if (stackPos[top] < ds.length) {
                    int d = ds[stackPos[top]++];
                    if (state[d] == 0) {
                        state[d] = 1;
                        top++;
                        stackNode[top] = d;
                        stackPos[top] = 0;
                    }
                    continue;
                }
                Phase p = parts.get(node).rank().phase();
                for (int d : ds) {
                    if (phase[d] != null && phase[d].compareTo(p) > 0) {
                        p = phase[d];
                    }
                }
                phase[node] = p;
                state[node] = 2;
                top--;
            }
        }
        return phase;
    }

    private static Problem cycle(List<Part> parts, int[] waiting) {
        TreeSet<String> stuck = new TreeSet<>();
        for (int i = 0; i < parts.size(); i++) {
            if (waiting[i] > 0) {
                stuck.add(parts.get(i).object().display());
            }
        }
        List<String> shown = new ArrayList<>(stuck).subList(0, Math.min(stuck.size(), 20));
        return Problem.of(ExitCode.INTERNAL,
                        "The baseline cannot be ordered: these objects depend on each other in a cycle: " + String.join(", ", shown))
                .why("The catalog records a dependency cycle the writer does not know how to break.")
                .fix("Report this with the snapshot JSON; as a workaround, break the cycle in the history (e.g. move a column default into a later ALTER).")
                .state("Nothing was written.")
                .build();
    }
}
