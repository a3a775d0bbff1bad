package dev.consolidate.replay;

import dev.consolidate.problem.Problem;
import dev.consolidate.sql.Statement;
import dev.consolidate.sql.StatementTrait;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds, before anything runs, the extensions the history creates that the scratch server cannot
 * install. Without this a replay would fail at the first of them, possibly dozens of files in, and
 * say nothing of the others.
 */
final class ExtensionCheck {
    /** Where the usual missing extensions can be found; the rest get the generic advice. */
    private static final Map<String, String> WHERE_TO_FIND = Map.ofEntries(
            Map.entry("vector", "pgvector: the pgvector/pgvector:pg<major> image, or a supabase/postgres image"),
            Map.entry("http", "pgsql-http: a supabase/postgres image"),
            Map.entry("pg_net", "a supabase/postgres image"),
            Map.entry("pg_cron", "a supabase/postgres image, or a server with pg_cron in shared_preload_libraries"),
            Map.entry("pgsodium", "a supabase/postgres image"),
            Map.entry("supabase_vault", "a supabase/postgres image"),
            Map.entry("pg_graphql", "a supabase/postgres image"),
            Map.entry("wrappers", "a supabase/postgres image"),
            Map.entry("pg_jsonschema", "a supabase/postgres image"),
            Map.entry("pgjwt", "a supabase/postgres image"),
            Map.entry("postgis", "the postgis/postgis image"),
            Map.entry("timescaledb", "the timescale/timescaledb image"));

    private ExtensionCheck() {
    }

    /**
     * @param files      the history and the bootstrap, as they will run
     * @param profile    the profile, whose extensions must be installable too
     * @param available  what the server can install (pg_available_extensions)
     * @param server     the server's description for the message
     * @throws Problem (precondition) naming every missing extension with where it is created
     */
    static void require(List<PreparedMigration> files, Optional<Profile> profile, Set<String> available, String server) {
        Map<String, String> firstUse = new LinkedHashMap<>();
        profile.ifPresent(p -> p.extensions().forEach(e -> firstUse.putIfAbsent(e, "the " + p.name() + " profile")));
        for (PreparedMigration file : files) {
            for (Statement s : file.statements()) {
                if (s.has(StatementTrait.CREATE_EXTENSION) && s.extension() != null) {
                    firstUse.putIfAbsent(s.extension(), file.migration().path() + " line " + s.line());
                }
            }
        }
        Map<String, String> missing = new TreeMap<>();
        firstUse.forEach((name, where) -> {
            if (!available.contains(name)) {
                missing.put(name, where);
            }
        });
        if (missing.isEmpty()) {
            return;
        }
        int width = missing.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder what = new StringBuilder("The scratch server (" + server + ") lacks ")
                .append(missing.size() == 1 ? "an extension" : missing.size() + " extensions")
                .append(" the history creates:");
        List<String> sources = new ArrayList<>();
        missing.forEach((name, where) -> {
            what.append("\n  ").append(String.format("%-" + width + "s", name)).append("  created at ").append(where);
            sources.add(name + " (" + WHERE_TO_FIND.getOrDefault(name, "a server where it is installed") + ")");
        });
        throw Problem.precondition(what.toString())
                .why("replaying the history needs every extension it creates, and this server does not ship "
                        + (missing.size() == 1 ? "it" : "them")
                        + ": the replay would stop at the first one, and nothing after it could be proven.")
                .fix("Use a scratch server that has " + (missing.size() == 1 ? "it" : "them") + ": "
                        + "--scratch docker:<image> (" + String.join("; ", sources) + "), or "
                        + "--scratch url:<server URL> for a server where they are installed; then run the command again.")
                .state("nothing changed: no scratch database was created and production was not touched.")
                .build();
    }
}
