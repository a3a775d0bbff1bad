package dev.consolidate.replay;

import dev.consolidate.history.Migration;
import dev.consolidate.scratch.EmbeddedScratchServer;
import dev.consolidate.scratch.ScratchDatabase;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.testsupport.Corpora;
import dev.consolidate.testsupport.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays each corpus several times on one embedded PostgreSQL 15 and prints the timings
 * (bench/replay/run.sh runs it; not a test: nothing is asserted about time).
 */
public final class ReplayBench {
    private ReplayBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = Corpora.root();
        Replayer replayer = new Replayer(new SqlSplitter(), Clock.systemUTC());
        Map<String, String> storage = new LinkedHashMap<>();
        storage.put("search_path", "storage,public");
        storage.put("storage.install_roles", "true");
        storage.put("storage.multitenant", "false");
        storage.put("storage.anon_role", "anon");
        storage.put("storage.authenticated_role", "authenticated");
        storage.put("storage.service_role", "service_role");
        Path bootstrap = ProjectRoot.get().resolve("src/test/resources/replay/measure-bootstrap.sql");
        try (EmbeddedScratchServer server = EmbeddedScratchServer.start(15)) {
            System.out.printf("runs per corpus: %d; medians in ms except the last column%n", runs);
            System.out.printf("%-17s %5s %10s %9s %9s %9s %9s %9s %9s%n", "corpus", "files", "statements", "prepare", "create",
                    "replay", "drop", "total", "max total");
            bench("documenso", root, replayer, server, runs, EnvironmentSpec.none(),
                    "prisma", "packages/prisma/migrations");
            bench("marquez", root, replayer, server, runs, EnvironmentSpec.none(),
                    "flyway", "api/src/main/resources/marquez/db/migration");
            bench("measure", root, replayer, server, runs, EnvironmentSpec.none().withBootstrap(bootstrap, "measure-bootstrap.sql"),
                    "dbmate", "self-host/postgres");
            bench("supabase-storage", root, replayer, server, runs, EnvironmentSpec.none().withSessionSettings(storage),
                    "sql", "migrations/tenant");
        }
    }

    private static void bench(String corpus, Path root, Replayer replayer, EmbeddedScratchServer server, int runs,
                              EnvironmentSpec spec, String tool, String folder) {
        Path dir = root.resolve(corpus);
        if (!Files.isDirectory(dir)) {
            System.out.printf("%-17s skipped: %s not found%n", corpus, dir);
            return;
        }
        List<Long> total = new ArrayList<>();
        List<Long> prepare = new ArrayList<>();
        List<Long> create = new ArrayList<>();
        List<Long> replay = new ArrayList<>();
        List<Long> drop = new ArrayList<>();
        ReplayResult last = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            List<Migration> history = CorpusReplayTest.discover(dir, tool, folder);
            PreparedHistory prepared = replayer.prepare(history, spec, server);
            long t1 = System.nanoTime();
            ScratchDatabase db = server.create("bench " + corpus);
            long t2 = System.nanoTime();
            try {
                last = replayer.replay(db, spec, prepared, ReplayListener.NONE);
            } finally {
                long t3 = System.nanoTime();
                db.close();
                long t4 = System.nanoTime();
                prepare.add(t1 - t0);
                create.add(t2 - t1);
                replay.add(t3 - t2);
                drop.add(t4 - t3);
                total.add(t4 - t0);
            }
        }
        System.out.printf("%-17s %5d %10d %9d %9d %9d %9d %9d %9d%n", corpus, last.files().size(), last.statements(),
                median(prepare), median(create), median(replay), median(drop), median(total), max(total));
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1_000_000;
    }

    private static long max(List<Long> nanos) {
        return Collections.max(nanos) / 1_000_000;
    }
}
