package dev.consolidate.catalog.scope;

import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.ObjectKind;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.replay.Profile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which objects of a snapshot belong to the history, as opposed to the environment it runs in.
 *
 * <p>The environment snapshot is the catalog right after the environment was set up and before
 * the first migration (a fresh database; plus the Supabase platform shim or a bootstrap file).
 * Then:
 * <ul>
 * <li>an object identical to its environment version is left out;</li>
 * <li>an environment object the history changed (RLS enabled on {@code auth.users}, a grant or a
 * column added to it) is kept, and the baseline writes the change, not the object;</li>
 * <li>an environment object the history dropped is kept as a tombstone, and the baseline drops it;</li>
 * <li>anything else is the history's, even inside a platform schema (a function in {@code auth},
 * a trigger on {@code auth.users}, a policy on {@code storage.objects}). The one exception: in a
 * platform schema the environment did not set up at all, nothing can be told apart from the
 * platform's own objects, so the whole schema is left out;</li>
 * <li>the migration tool's own history tables are always left out, with everything on them, and
 * so is a schema that holds nothing else (the Supabase CLI creates {@code supabase_migrations} for
 * its table);</li>
 * <li>roles are listed when objects refer to them, except those the platform brings.</li>
 * </ul>
 */
public record Scope(String profile, Snapshot environment, SortedSet<String> platformSchemas, SortedSet<String> excludedTables,
                    SortedSet<String> platformRoles) {

    /** Schemas the Supabase platform manages. */
    public static final Set<String> SUPABASE_SCHEMAS = Set.of("auth", "storage", "realtime", "extensions", "vault",
            "graphql", "graphql_public", "cron", "net", "pgsodium", "pgsodium_masks", "supabase_functions",
            "supabase_migrations", "pgbouncer", "pgtle", "_realtime", "_analytics", "_supavisor", "topology", "tiger",
            "tiger_data");

    public Scope {
        platformSchemas = new TreeSet<>(platformSchemas);
        excludedTables = new TreeSet<>(excludedTables);
        platformRoles = new TreeSet<>(platformRoles);
    }

    /** A scope whose platform roles are those of the profile it names (none for any other name). */
    public Scope(String profile, Snapshot environment, SortedSet<String> platformSchemas, SortedSet<String> excludedTables) {
        this(profile, environment, platformSchemas, excludedTables, profileRoles(profile));
    }

    /** The roles a platform profile of that name brings, so a scope saved without them reads back the same. */
    public static SortedSet<String> profileRoles(String profile) {
        return profile != null && Profile.NAMES.contains(profile) ? new TreeSet<>(Profile.named(profile).roles()) : new TreeSet<>();
    }

    /** Every non-system schema; the environment is usually a freshly created database. */
    public static Scope plain(Snapshot environment) {
        return new Scope("plain", environment, new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
    }

    public static Scope supabase(Snapshot environment) {
        return new Scope("supabase", environment, new TreeSet<>(SUPABASE_SCHEMAS), new TreeSet<>(), profileRoles("supabase"));
    }

    /** The same scope also leaving out these tables ("schema.table", unquoted), e.g. history tables. */
    public Scope excludingTables(Collection<String> qualifiedTables) {
        TreeSet<String> t = new TreeSet<>(excludedTables);
        t.addAll(qualifiedTables);
        return new Scope(profile, environment, platformSchemas, t, platformRoles);
    }

    public ScopedSnapshot apply(Snapshot snapshot) {
        Set<String> environmentSchemas = new TreeSet<>();
        for (CatalogObject o : environment.objects()) {
            if (o.key().schema() != null) {
                environmentSchemas.add(o.key().schema());
            }
        }
        Set<String> historyOnly = historyOnlySchemas(snapshot);
        List<CatalogObject> kept = new ArrayList<>();
        for (CatalogObject o : snapshot.objects()) {
            if (onExcludedTable(o.key())) {
                continue;
            }
            // the platform's roles are the platform's, however another cluster made them
            if (o.kind() == ObjectKind.ROLE && platformRoles.contains(o.key().name())) {
                continue;
            }
            CatalogObject before = environment.get(o.key()).orElse(null);
            if (before != null) {
                if (!before.hash().equals(o.hash())) {
                    kept.add(o);
                }
                continue;
            }
            String schema = o.key().schema();
            if (schema != null && platformSchemas.contains(schema) && !environmentSchemas.contains(schema)) {
                continue;
            }
            if (o.kind() == ObjectKind.SCHEMA && historyOnly.contains(o.key().name())) {
                continue;
            }
            kept.add(o);
        }
        for (CatalogObject e : environment.objects()) {
            // a role no object refers to any more is simply not listed: roles are the cluster's, never dropped
            if (!snapshot.contains(e.key()) && !onExcludedTable(e.key()) && !e.isDropped() && e.kind() != ObjectKind.ROLE) {
                kept.add(CatalogObject.dropped(e.key()));
            }
        }
        return new ScopedSnapshot(new Snapshot(snapshot.info(), kept), environment, this);
    }

    /** The schemas of the history tables that hold nothing but those tables in {@code snapshot}. */
    private Set<String> historyOnlySchemas(Snapshot snapshot) {
        Set<String> out = new TreeSet<>();
        for (String table : excludedTables) {
            int dot = table.indexOf('.');
            if (dot > 0) {
                out.add(table.substring(0, dot));
            }
        }
        if (!out.isEmpty()) {
            for (CatalogObject o : snapshot.objects()) {
                if (o.key().schema() != null && o.kind() != ObjectKind.SCHEMA && !onExcludedTable(o.key())) {
                    out.remove(o.key().schema());
                }
            }
        }
        return out;
    }

    private boolean onExcludedTable(ObjectKey k) {
        if (excludedTables.isEmpty() || k.schema() == null) {
            return false;
        }
        if (k.kind() == ObjectKind.TABLE || k.kind() == ObjectKind.PUBLICATION_TABLE) {
            return excludedTables.contains(k.schema() + "." + k.name());
        }
        return k.kind().belongsToTable() && excludedTables.contains(k.schema() + "." + k.parent());
    }

    /** One paragraph for reports. */
    public String describe() {
        StringBuilder sb = new StringBuilder("Scope '").append(profile).append("': all non-system schemas");
        if (!platformSchemas.isEmpty()) {
            sb.append("; platform schemas ").append(String.join(", ", platformSchemas))
                    .append(" keep only what the history put or changed in them");
        }
        sb.append("; objects the environment created (").append(environment.size())
                .append(" objects) are left out unless the history changed or dropped them");
        if (!excludedTables.isEmpty()) {
            sb.append("; history tables left out: ").append(String.join(", ", excludedTables));
        }
        return sb.append('.').toString();
    }
}
