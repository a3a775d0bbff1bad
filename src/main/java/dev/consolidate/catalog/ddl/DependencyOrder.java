package dev.consolidate.catalog.ddl;

import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.problem.Problem;
import java.util.ArrayList;
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
 * everything that needs it.
 */
final class DependencyOrder {

    /** A part with its effective phase, as placed. */
    record Placed(Part part, Phase phase) {
    }

    private DependencyOrder() {
    }

    static List<Placed> order(List<Part> parts, Map<ObjectKey, CatalogObject> objects) {
        int n = parts.size();
        Map<ObjectKey, Integer> anchor = new HashMap<>();
        Map<ObjectKey, Map<Rank, Integer>> byRank = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Part p = parts.get(i);
            anchor.putIfAbsent(p.object(), i);
            byRank.computeIfAbsent(p.object(), k -> new HashMap<>()).putIfAbsent(p.rank(), i);
        }
        List<TreeSet<Integer>> deps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Part p = parts.get(i);
            TreeSet<Integer> d = new TreeSet<>();
            int own = anchor.get(p.object());
            CatalogObject o = objects.get(p.object());
            List<ObjectKey> objectDeps = o == null ? List.of() : o.dependsOn();
            if (own != i) {
                d.add(own);
                for (ObjectKey k : objectDeps) {
                    Integer same = byRank.getOrDefault(k, Map.of()).get(p.rank());
                    if (same != null) {
                        d.add(same);
                    }
                }
            } else {
                for (ObjectKey k : objectDeps) {
                    Integer a = anchor.get(k);
                    if (a != null) {
                        d.add(a);
                    }
                }
            }
            for (ObjectKey k : p.after()) {
                Integer a = anchor.get(k);
                if (a != null) {
                    d.add(a);
                }
            }
            d.remove(i);
            deps.add(d);
        }
        Phase[] phase = phases(parts, deps);
        List<List<Integer>> dependents = new ArrayList<>(n);
        int[] waiting = new int[n];
        for (int i = 0; i < n; i++) {
            dependents.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int d : deps.get(i)) {
                dependents.get(d).add(i);
            }
            waiting[i] = deps.get(i).size();
        }
        Comparator<Integer> priority = Comparator.<Integer, Phase>comparing(i -> phase[i])
                .thenComparing(i -> parts.get(i).rank().trailing())
                .thenComparing(i -> parts.get(i).rank().trailing() ? parts.get(i).rank().ordinal() : 0)
                .thenComparing(i -> group(parts.get(i).object()))
                .thenComparing(i -> parts.get(i).rank())
                .thenComparing(i -> parts.get(i).object())
                .thenComparingInt(i -> i);
        PriorityQueue<Integer> ready = new PriorityQueue<>(priority);
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<Placed> out = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            out.add(new Placed(parts.get(i), phase[i]));
            for (int j : dependents.get(i)) {
                if (--waiting[j] == 0) {
                    ready.add(j);
                }
            }
        }
        if (out.size() < n) {
            throw cycle(parts, waiting);
        }
        return out;
    }

    /** Global objects (no schema) first, then schema by schema. */
    private static String group(ObjectKey k) {
        return k.schema() == null ? "" : k.schema();
    }

    private static Phase[] phases(List<Part> parts, List<TreeSet<Integer>> deps) {
        int n = parts.size();
        Phase[] phase = new Phase[n];
        int[] state = new int[n];
        for (int start = 0; start < n; start++) {
            if (state[start] != 0) {
                continue;
            }
            // iterative DFS: a deep chain of views must not overflow the stack
            List<int[]> stack = new ArrayList<>();
            stack.add(new int[] {start, 0});
            state[start] = 1;
            while (!stack.isEmpty()) {
                int[] top = stack.get(stack.size() - 1);
                Integer[] ds = deps.get(top[0]).toArray(new Integer[0]);
                if (top[1] < ds.length) {
                    int d = ds[top[1]++];
                    if (state[d] == 0) {
                        state[d] = 1;
                        stack.add(new int[] {d, 0});
                    }
                    continue;
                }
                int i = top[0];
                Phase p = parts.get(i).rank().phase();
                for (int d : ds) {
                    if (phase[d] != null && phase[d].compareTo(p) > 0) {
                        p = phase[d];
                    }
                }
                phase[i] = p;
                state[i] = 2;
                stack.remove(stack.size() - 1);
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
        return Problem.of(dev.consolidate.problem.ExitCode.INTERNAL,
                        "The baseline cannot be ordered: these objects depend on each other in a cycle: " + String.join(", ", shown))
                .why("The catalog records a dependency cycle the writer does not know how to break.")
                .fix("Report this with the snapshot JSON; as a workaround, break the cycle in the history (e.g. move a column default into a later ALTER).")
                .state("Nothing was written.")
                .build();
    }
}
