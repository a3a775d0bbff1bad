package dev.consolidate.catalog.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.model.CatalogObject;
import dev.consolidate.catalog.model.ObjectKind;
import dev.consolidate.catalog.model.Snapshot;
import dev.consolidate.catalog.scope.ScopedSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one canonical SQL file that rebuilds a scoped snapshot on top of its environment:
 * deterministic (same snapshot, same clock, same bytes), ordered by real dependencies, grouped by
 * schema then kind where dependencies allow, with a header naming its source, time and source
 * fingerprint. Function bodies are not checked while it runs (as pg_dump does), so bodies that
 * mention objects created later load fine.
 */
public final class BaselineWriter {
    private final Clock clock;
    private final Map<ObjectKind, ObjectWriter> writers = new EnumMap<>(ObjectKind.class);

    public BaselineWriter(Clock clock) {
        this.clock = clock;
        ObjectWriter schema = new SchemaWriter();
        ObjectWriter type = new TypeWriter();
        ObjectWriter routine = new RoutineWriter();
        ObjectWriter onTable = new TableObjectWriter();
        ObjectWriter publication = new PublicationWriter();
        ObjectWriter privileges = new PrivilegeWriter();
        writers.put(ObjectKind.ROLE, new RoleWriter());
        writers.put(ObjectKind.DATABASE_SETTING, new SettingWriter());
        writers.put(ObjectKind.SCHEMA, schema);
        writers.put(ObjectKind.EXTENSION, schema);
        for (ObjectKind k : List.of(ObjectKind.COLLATION, ObjectKind.ENUM, ObjectKind.DOMAIN, ObjectKind.COMPOSITE_TYPE, ObjectKind.RANGE_TYPE)) {
            writers.put(k, type);
        }
        writers.put(ObjectKind.SEQUENCE, new SequenceWriter());
        for (ObjectKind k : List.of(ObjectKind.FUNCTION, ObjectKind.PROCEDURE, ObjectKind.AGGREGATE, ObjectKind.OPERATOR, ObjectKind.CAST)) {
            writers.put(k, routine);
        }
        writers.put(ObjectKind.TABLE, new TableWriter());
        writers.put(ObjectKind.VIEW, new ViewWriter());
        writers.put(ObjectKind.MATERIALIZED_VIEW, writers.get(ObjectKind.VIEW));
        for (ObjectKind k : List.of(ObjectKind.CONSTRAINT, ObjectKind.INDEX, ObjectKind.TRIGGER, ObjectKind.RULE, ObjectKind.POLICY,
                ObjectKind.STATISTICS)) {
            writers.put(k, onTable);
        }
        for (ObjectKind k : List.of(ObjectKind.PUBLICATION, ObjectKind.PUBLICATION_TABLE, ObjectKind.EVENT_TRIGGER)) {
            writers.put(k, publication);
        }
        writers.put(ObjectKind.DEFAULT_PRIVILEGES, privileges);
        writers.put(ObjectKind.MEMBER_PRIVILEGES, privileges);
    }

    /**
     * The baseline for {@code scoped}. Call {@link ScopedSnapshot#requireCoverage()} first: objects
     * of kinds the writer cannot create are refused here too.
     */
    public Baseline write(ScopedSnapshot scoped, BaselineOptions options) {
        scoped.requireCoverage();
        Snapshot snapshot = scoped.objects();
        String runner = options.runner() == null ? snapshot.info().runner() : options.runner();
        WriterContext ctx = new WriterContext(scoped, runner, options.owners());
        EnvironmentChanges changes = new EnvironmentChanges(this::createAny);
        List<Part> parts = new ArrayList<>();
        List<TableRef> tables = new ArrayList<>();
        List<SequenceRef> sequences = new ArrayList<>();
        for (CatalogObject o : snapshot.objects()) {
            if (o.isDropped()) {
                parts.addAll(changes.drop(o, ctx));
                continue;
            }
            ObjectNode f = o.fields();
            collect(o, f, tables, sequences);
            Optional<CatalogObject> before = ctx.environmentVersion(o.key());
            if (before.isPresent()) {
                parts.addAll(changes.alter(before.get(), o, ctx));
            } else {
                parts.addAll(createAny(o, f, ctx));
            }
        }
        sequences.sort(java.util.Comparator.comparing(SequenceRef::schema).thenComparing(SequenceRef::name));
        List<DependencyOrder.Placed> placed = orderBreakingCycles(parts, snapshot, ctx);
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String header = header(scoped, options, at);
        StringBuilder pre = new StringBuilder();
        StringBuilder post = new StringBuilder();
        for (DependencyOrder.Placed p : placed) {
            if (p.part().sql().isEmpty()) {
                continue;
            }
            StringBuilder target = p.phase() == Phase.PRE_DATA ? pre : post;
            target.append("\n-- ").append(p.part().object().display().replace('\n', ' ')).append('\n').append(p.part().sql());
        }
        String open = "SET check_function_bodies = false;\n";
        String close = "\nRESET check_function_bodies;\n";
        String preSection = "\n-- Pre-data: everything rows need before they are loaded.\n";
        String postSection = "\n-- Post-data: constraints, indexes, triggers, policies and what follows the rows.\n";
        String sql = header + open + preSection + pre + postSection + post + close;
        String preData = header + open + preSection + pre + close;
        String postData = header + open + postSection + post + close;
        return new Baseline(sql, preData, postData, tables, sequences, snapshot.fingerprint(),
                (int) snapshot.objects().stream().filter(o -> o.kind() != ObjectKind.UNMODELLED).count(), at);
    }

    /**
     * Orders the parts; when tables are caught in a cycle, writes their defaults separately (the
     * cycle runs through a function a default calls) and orders again.
     */
    private List<DependencyOrder.Placed> orderBreakingCycles(List<Part> parts, Snapshot snapshot, WriterContext ctx) {
        try {
            return DependencyOrder.order(parts, snapshot);
        } catch (DependencyOrder.Cycle cycle) {
            java.util.Set<dev.consolidate.catalog.model.ObjectKey> split = new java.util.TreeSet<>();
            for (dev.consolidate.catalog.model.ObjectKey k : cycle.objects()) {
                if (k.kind() == ObjectKind.TABLE && !ctx.environmentVersion(k).isPresent()) {
                    split.add(k);
                }
            }
            if (split.isEmpty()) {
                throw cycle.problem();
            }
            List<Part> again = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                Part p = parts.get(i);
                if (!split.contains(p.object())) {
                    again.add(p);
                    continue;
                }
                CatalogObject o = snapshot.byKey().get(p.object());
                again.addAll(((TableWriter) writers.get(ObjectKind.TABLE)).create(o, o.fields(), ctx, true));
                while (i + 1 < parts.size() && parts.get(i + 1).object().equals(p.object())) {
                    i++;
                }
            }
            try {
                return DependencyOrder.order(again, snapshot);
            } catch (DependencyOrder.Cycle still) {
                throw still.problem();
            }
        }
    }

    private List<Part> createAny(CatalogObject o, ObjectNode f, WriterContext ctx) {
        ObjectWriter w = writers.get(o.kind());
        if (w == null) {
            throw new IllegalStateException("no writer for " + o.kind());
        }
        return w.create(o, f, ctx);
    }

    private static String header(ScopedSnapshot scoped, BaselineOptions options, Instant at) {
        Snapshot s = scoped.objects();
        StringBuilder counts = new StringBuilder();
        s.counts().forEach((k, n) -> counts.append(counts.length() == 0 ? "" : ", ").append(n).append(' ').append(k.plural()));
        return "-- Baseline written by consolidate from " + options.sourceLabel().replace('\n', ' ') + ".\n"
                + "-- Generated at " + at + " from a catalog snapshot of PostgreSQL " + s.info().serverVersion() + ".\n"
                + "-- Source fingerprint: sha256:" + s.fingerprint() + "\n"
                + "-- Contents: " + (counts.length() == 0 ? "nothing" : counts) + ".\n"
                + "-- Runs on a database prepared like the source's environment (scope '" + scoped.scope().profile() + "'"
                + (options.owners() ? "" : "; ownership left out") + ").\n\n";
    }

    /** The tables rows are loaded into and the sequences whose values a restore sets. */
    private static void collect(CatalogObject o, ObjectNode f, List<TableRef> tables, List<SequenceRef> sequences) {
        if (o.kind() == ObjectKind.SEQUENCE) {
            sequences.add(new SequenceRef(o.key().schema(), o.key().name(), Sql.qualified(o.key().schema(), o.key().name()), null));
        } else if (o.kind() == ObjectKind.TABLE) {
            tables.add(new TableRef(o.key().schema(), o.key().name(), Sql.qualified(o.key().schema(), o.key().name()),
                    f.path("partitioned").asBoolean(), f.has("partition_of")));
            for (JsonNode c : f.path("columns")) {
                JsonNode seq = c.get("identity_sequence");
                if (seq != null) {
                    List<String> parts = QualifiedName.split(seq.get("name").asText());
                    sequences.add(new SequenceRef(parts.get(0), parts.get(1), seq.get("name").asText(),
                            Sql.qualified(o.key().schema(), o.key().name()) + "." + Sql.ident(c.get("name").asText())));
                }
            }
        }
    }
}
