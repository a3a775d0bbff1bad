package dev.consolidate.archive;

import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.history.BaselineIdentity;
import dev.consolidate.history.Tool;
import dev.consolidate.job.JobIdentity;
import dev.consolidate.job.JobProgress;
import dev.consolidate.job.JobRunner;
import dev.consolidate.job.JobStore;
import dev.consolidate.job.RunResult;
import dev.consolidate.plan.Plan;
import dev.consolidate.plan.PlanWriter;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.steps.ArchiveStep;
import dev.consolidate.steps.FaultHook;
import dev.consolidate.steps.Progress;
import dev.consolidate.steps.StepName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times the archive step on a generated Supabase history (bench/archive/run.sh): preparing
 * (hashing, the bundle written and read back, the manifests), the moves and the undo, called
 * directly; and the same through the job machinery, where every move costs two durable journal
 * records and a checkpoint.
 */
public final class ArchiveBench {
    private ArchiveBench() {
    }

    /** args: files bytesPerFile runs jobFiles */
    public static void main(String[] args) throws Exception {
        int files = Integer.parseInt(args[0]);
        int bytes = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        int jobFiles = Integer.parseInt(args[3]);
        Path work = Files.createTempDirectory("archive-bench");
        try {
            long[] prepare = new long[runs];
            long[] moves = new long[runs];
            long[] undo = new long[runs];
            long bundleSize = 0;
            for (int r = 0; r < runs; r++) {
                ArchiveFixtures.Project p = project(work.resolve("direct-" + r), files, bytes);
                Map<String, String> before = ArchiveFixtures.tree(p.root());
                ArchiveStep step = new ArchiveStep(p.inputs());
                MemoryContext ctx = MemoryContext.forward(StepName.ARCHIVE);
                long t0 = System.nanoTime();
                step.execute(ctx);
                long t1 = System.nanoTime();
                while (step.execute(ctx) == Progress.MORE) {
                    // one file per call
                }
                long t2 = System.nanoTime();
                step.compensate(MemoryContext.undoOf(ctx));
                long t3 = System.nanoTime();
                if (!before.equals(ArchiveFixtures.tree(p.root()))) {
                    throw new IllegalStateException("undo did not restore the tree");
                }
                prepare[r] = t1 - t0;
                moves[r] = t2 - t1;
                undo[r] = t3 - t2;
                bundleSize = Files.size(p.runFolder().artifacts().resolve(OriginalsBundle.FILE_NAME));
            }
            System.out.printf("direct: %d files of %d bytes (%.1f MB), bundle %s, median of %d runs%n", files, bytes,
                    files * (double) bytes / 1e6, ArchiveReadme.size(bundleSize), runs);
            System.out.printf("  prepare %d ms, moves %d ms (%.2f ms/file), undo %d ms%n", ms(median(prepare)),
                    ms(median(moves)), median(moves) / 1e6 / files, ms(median(undo)));

            ArchiveFixtures.Project p = project(work.resolve("job"), jobFiles, bytes);
            AtomicFiles.writeString(p.runFolder().planJson(), PlanWriter.json(p.plan()));
            try (JobStore store = JobStore.open(p.runFolder().root())) {
                Clock clock = Clock.fixed(ArchiveFixtures.NOW, ZoneOffset.UTC);
                JobRunner runner = new JobRunner(store, List.of(new ArchiveStep(p.inputs())),
                        new JobIdentity(p.plan().planId(), p.plan().fingerprint()), FaultHook.disarmed(), JobProgress.silent(), clock);
                long t0 = System.nanoTime();
                RunResult done = runner.execute();
                long t1 = System.nanoTime();
                RunResult back = runner.rollback(null);
                long t2 = System.nanoTime();
                if (done.exitCode() != ExitCode.SUCCESS || back.exitCode() != ExitCode.SUCCESS) {
                    throw new IllegalStateException(done.summary() + " / " + back.summary());
                }
                System.out.printf("job: %d files, execute %d ms (%.1f ms/file), rollback %d ms%n", jobFiles, ms(t1 - t0),
                        (t1 - t0) / 1e6 / jobFiles, ms(t2 - t1));
            }
        } finally {
            deleteTree(work);
        }
    }

    private static ArchiveFixtures.Project project(Path root, int files, int bytes) {
        String dir = "supabase/migrations";
        List<String> paths = new ArrayList<>();
        String line = "create table if not exists t (id bigint primary key, note text not null default '');\n";
        String body = line.repeat(Math.max(1, bytes / line.length()));
        for (int i = 0; i < files; i++) {
            String f = String.format("%s/%014d_migration_%d.sql", dir, 20200101000000L + i, i);
            ArchiveFixtures.write(root, f, "-- " + i + "\n" + body);
            paths.add(f);
        }
        String baseline = dir + "/29990101000000_consolidated_baseline.sql";
        ArchiveFixtures.write(root, baseline, "-- baseline\n");
        Plan plan = ArchiveFixtures.plan(root, Tool.SUPABASE, dir, paths,
                new BaselineIdentity(Tool.SUPABASE, "29990101000000", "consolidated_baseline", baseline, dir + "_archive"));
        return new ArchiveFixtures.Project(root, plan);
    }

    private static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
