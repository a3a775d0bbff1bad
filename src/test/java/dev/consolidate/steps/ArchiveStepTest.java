package dev.consolidate.steps;

import static dev.consolidate.archive.ArchiveFixtures.bytes;
import static dev.consolidate.archive.ArchiveFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.archive.ArchiveFixtures;
import dev.consolidate.archive.ArchiveFixtures.Project;
import dev.consolidate.archive.ArchiveManifest;
import dev.consolidate.archive.ArchiveVerifier;
import dev.consolidate.archive.ManifestCodec;
import dev.consolidate.archive.MemoryContext;
import dev.consolidate.archive.OriginalsBundle;
import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.fs.Sha256;
import dev.consolidate.job.JobIdentity;
import dev.consolidate.job.JobProgress;
import dev.consolidate.job.JobRunner;
import dev.consolidate.job.JobStore;
import dev.consolidate.job.RunResult;
import dev.consolidate.plan.Plan;
import dev.consolidate.plan.PlanWriter;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.run.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveStepTest {
    @TempDir
    Path tmp;
    /** The uninterrupted run through the job machinery that the crash tests compare with, made once. */
    @TempDir
    static Path shared;
    private static Project reference;

    // ---- archive and undo, per tool layout ----

    @Test
    void supabaseFolderIsArchivedVerifiedAndRestoredByteForByte() throws Exception {
        Project p = ArchiveFixtures.supabase(tmp.resolve("app"));
        Map<String, String> before = tree(p.root());
        ArchiveStep step = new ArchiveStep(p.inputs());
        MemoryContext ctx = MemoryContext.forward(StepName.ARCHIVE);
        assertEquals(6, runToEnd(step, ctx), "one call to prepare, then one per file");

        assertEquals(List.of("supabase/migrations", "supabase/migrations/.gitkeep",
                "supabase/migrations/20250906100000_consolidated_baseline.sql"),
                List.copyOf(tree(p.root(), "supabase/migrations").keySet()), "only the baseline and the .gitkeep stay");
        for (String f : p.plan().archive().files()) {
            String archived = f.replace("supabase/migrations/", "supabase/migrations_archive/");
            assertEquals(before.get(f), Sha256.ofFile(p.file(archived)), archived);
        }
        assertEquals(0, sha256sumCheck(p.archiveDir()).exit());
        assertEquals(List.of(), ArchiveVerifier.verify(p.archiveDir()));
        assertTrue(Files.isRegularFile(p.runFolder().artifacts().resolve(OriginalsBundle.FILE_NAME)));
        assertEquals("Moved 5 files to supabase/migrations_archive/ (manifest SHA256SUMS, bundle artifacts/originals.tar.zst "
                + ArchiveReadmeSize.of(p) + ").", step.describeDone(ctx));
        assertEquals("Moves the 5 files back to supabase/migrations/, each verified against SHA256SUMS, and removes the "
                + "archive folder. The bundle artifacts/originals.tar.zst stays in the run folder.", step.describeUndo(ctx));

        MemoryContext undo = MemoryContext.undoOf(ctx);
        step.compensate(undo);
        assertEquals(before, tree(p.root()), "archive then undo leaves every path and byte as it was");
        assertFalse(Files.exists(p.archiveDir()));
        assertTrue(Files.isRegularFile(p.runFolder().artifacts().resolve(OriginalsBundle.FILE_NAME)), "the bundle stays as evidence");
        assertTrue(step.describeUndo(undo).startsWith("Moved the 5 files back to supabase/migrations/"), step.describeUndo(undo));

        step.compensate(undo.again());
        assertEquals(before, tree(p.root()), "undo is idempotent");
    }

    @Test
    void prismaDirectoriesMoveWholeAndComeBackWhileTheLockFileStays() throws Exception {
        Project p = ArchiveFixtures.prisma(tmp.resolve("app"));
        Map<String, String> before = tree(p.root());
        ArchiveStep step = new ArchiveStep(p.inputs());
        MemoryContext ctx = MemoryContext.forward(StepName.ARCHIVE);
        assertEquals(5, runToEnd(step, ctx), "prepare, then 4 files (one directory holds two)");

        assertEquals(List.of("prisma/migrations", "prisma/migrations/000000000000_squashed_migrations",
                "prisma/migrations/000000000000_squashed_migrations/migration.sql", "prisma/migrations/migration_lock.toml"),
                List.copyOf(tree(p.root(), "prisma/migrations").keySet()), "emptied directories removed, lock file kept");
        assertEquals(List.of("prisma/migrations_archive", "prisma/migrations_archive/20240101000000_init",
                "prisma/migrations_archive/20240101000000_init/migration.sql", "prisma/migrations_archive/20240102000000_add users",
                "prisma/migrations_archive/20240102000000_add users/README.md",
                "prisma/migrations_archive/20240102000000_add users/migration.sql",
                "prisma/migrations_archive/20240103000000_indexes", "prisma/migrations_archive/20240103000000_indexes/migration.sql",
                "prisma/migrations_archive/README.md", "prisma/migrations_archive/SHA256SUMS", "prisma/migrations_archive/manifest.json"),
                List.copyOf(tree(p.root(), "prisma/migrations_archive").keySet()));
        assertEquals(0, sha256sumCheck(p.archiveDir()).exit());

        step.compensate(MemoryContext.undoOf(ctx));
        assertEquals(before, tree(p.root()), "directories recreated, every file back");
    }

    @Test
    void flywayKeepsItsNonMigrationFileAndNestedFoldersComeBack() throws Exception {
        Project p = ArchiveFixtures.flyway(tmp.resolve("app"));
        Map<String, String> before = tree(p.root());
        ArchiveStep step = new ArchiveStep(p.inputs());
        MemoryContext ctx = MemoryContext.forward(StepName.ARCHIVE);
        runToEnd(step, ctx);
        String dir = "src/main/resources/db/migration";
        assertEquals(List.of(dir, dir + "/V11__consolidated_baseline.sql", dir + "/V57__readme.md"),
                List.copyOf(tree(p.root(), dir).keySet()), "the emptied v3/ folder is removed, the .md stays");
        assertTrue(Files.isRegularFile(p.file(dir + "_archive/v3/V3__nested.sql")));
        assertEquals(0, sha256sumCheck(p.archiveDir()).exit());
        step.compensate(MemoryContext.undoOf(ctx));
        assertEquals(before, tree(p.root()));
    }

    @Test
    void golangMigrateDownFilesTravelWithTheirUpFiles() throws Exception {
        Project p = ArchiveFixtures.golangMigrate(tmp.resolve("app"));
        Map<String, String> before = tree(p.root());
        ArchiveStep step = new ArchiveStep(p.inputs());
        MemoryContext ctx = MemoryContext.forward(StepName.ARCHIVE);
        runToEnd(step, ctx);
        assertEquals(List.of("db/migrations", "db/migrations/000004_consolidated_baseline.up.sql"),
                List.copyOf(tree(p.root(), "db/migrations").keySet()), "no orphaned down file is left for an archived version");
        step.compensate(MemoryContext.undoOf(ctx));
        assertEquals(before, tree(p.root()));
    }

    // ---- manifest and verification ----

    @Test
    void sha256sumAcceptsTheManifestAndBothItAndOurVerifierNameAnEditedFile() throws Exception {
        Project p = ArchiveFixtures.supabase(tmp.resolve("app"));
        runToEnd(new ArchiveStep(p.inputs()), MemoryContext.forward(StepName.ARCHIVE));
        Path edited = p.archiveDir().resolve("20250903100000_step_3.sql");
        Files.writeString(edited, "-- edited\n", StandardOpenOption.APPEND);
        Files.delete(p.archiveDir().resolve("20250905100000_step_5.sql"));
        Files.writeString(p.archiveDir().resolve("stray.sql"), "select 1;\n");

        Sha256sum check = sha256sumCheck(p.archiveDir());
        assertEquals(1, check.exit());
        assertTrue(check.output().contains("20250903100000_step_3.sql: FAILED"), check.output());
        List<ArchiveVerifier.Finding> findings = ArchiveVerifier.verify(p.archiveDir());
        assertEquals(List.of("20250903100000_step_3.sql (edited)", "20250905100000_step_5.sql (removed)", "stray.sql (added)"),
                findings.stream().map(Object::toString).toList());
        Problem problem = assertThrows(Problem.class, () -> ArchiveVerifier.requireIntact(p.archiveDir(), findings));
        assertTrue(problem.what().contains("20250903100000_step_3.sql (edited)"), problem.what());
    }

    @Test
    void theJsonManifestCarriesPlanBaselineChainedSumAndBundle() throws Exception {
        Project p = ArchiveFixtures.supabase(tmp.resolve("app"));
        runToEnd(new ArchiveStep(p.inputs()), MemoryContext.forward(StepName.ARCHIVE));
        ArchiveManifest m = ManifestCodec.parse(Files.readString(p.archiveDir().resolve("manifest.json")));
        assertEquals(p.plan().planId(), m.planId());
        assertEquals("2026-11-21T10:15:30Z", m.archivedAt());
        assertEquals(p.plan().baseline().path(), m.baseline().path());
        assertEquals(m.files().get(m.files().size() - 1).sum(), m.sum(), "the last entry of the chain seals the set");
        assertEquals(Sha256.ofFile(p.runFolder().root().resolve(m.bundle().file())), m.bundle().sha256());
        assertArrayEquals(bytes(p.archiveDir().resolve("manifest.json")), bytes(p.runFolder().root().resolve(ArchiveStep.MANIFEST_COPY)));
        // The chain changes from the first file that differs onwards, as atlas.sum's does.
        Project q = ArchiveFixtures.supabase(tmp.resolve("other"));
        ArchiveFixtures.write(q.root(), "supabase/migrations/20250904100000_step_4.sql", "-- changed\n");
        Plan changed = ArchiveFixtures.plan(q.root(), dev.consolidate.history.Tool.SUPABASE, "supabase/migrations",
                q.plan().archive().files(), q.plan().baseline());
        runToEnd(new ArchiveStep(new Project(q.root(), changed).inputs()), MemoryContext.forward(StepName.ARCHIVE));
        ArchiveManifest n = ManifestCodec.parse(Files.readString(q.archiveDir().resolve("manifest.json")));
        for (int i = 0; i < 5; i++) {
            assertEquals(i < 3, m.files().get(i).sum().equals(n.files().get(i).sum()), "entry " + i);
        }
    }

    @Test
    void theReadmeSaysWhatTheFolderIsAndHowToVerifyAndUndo() throws Exception {
        Project p = ArchiveFixtures.supabase(tmp.resolve("app"));
        runToEnd(new ArchiveStep(p.inputs()), MemoryContext.forward(StepName.ARCHIVE));
        String readme = Files.readString(p.archiveDir().resolve("README.md"));
        for (String expected : List.of("never to be applied again", "supabase/migrations/20250906100000_consolidated_baseline.sql",
                "2026-11-21T10:15:30Z", p.plan().planId(), "sha256sum -c SHA256SUMS", "consolidate --rollback",
                "mv \"$f\" \"../migrations/$f\"", ".consolidate/" + p.plan().planId() + "/artifacts/originals.tar.zst")) {
            assertTrue(readme.contains(expected), "README lacks " + expected + ":\n" + readme);
        }
        assertFalse(readme.contains(p.root().toString()), "no machine path in a file meant to be committed");
    }

    @Test
    void sameInputsAndClockGiveByteIdenticalReadmeManifestsAndBundle() throws Exception {
        Project a = ArchiveFixtures.prisma(tmp.resolve("a"));
        Project b = ArchiveFixtures.prisma(tmp.resolve("b"));
        runToEnd(new ArchiveStep(a.inputs()), MemoryContext.forward(StepName.ARCHIVE));
        runToEnd(new ArchiveStep(b.inputs()), MemoryContext.forward(StepName.ARCHIVE));
        for (String own : ArchiveManifest.OWN_FILES) {
            assertArrayEquals(bytes(a.archiveDir().resolve(own)), bytes(b.archiveDir().resolve(own)), own);
        }
        Path bundleA = a.runFolder().artifacts().resolve(OriginalsBundle.FILE_NAME);
        assertArrayEquals(bytes(bundleA), bytes(b.runFolder().artifacts().resolve(OriginalsBundle.FILE_NAME)));
        assertEquals(tree(a.root()), tree(b.root()));

        // Another tar reads it: sorted names relative to the root, owner 0/0, the run's time, no directories.
        Assumptions.assumeTrue(onPath("tar") && onPath("zstd"), "GNU tar and zstd are not installed");
        ProcessResult listing = run(tmp, "tar", "--zstd", "--numeric-owner", "--utc", "-tvf", bundleA.toString());
        assertEquals(0, listing.exit(), listing.output());
        List<String> lines = listing.output().lines().toList();
        assertEquals(4, lines.size(), listing.output());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("-rw-r--r-- 0/0") && l.contains("2026-11-21 10:15")), listing.output());
        assertEquals(List.of("prisma/migrations/20240101000000_init/migration.sql",
                "prisma/migrations/20240102000000_add users/README.md", "prisma/migrations/20240102000000_add users/migration.sql",
                "prisma/migrations/20240103000000_indexes/migration.sql"),
                lines.stream().map(l -> l.substring(l.indexOf("prisma/"))).toList());
    }

    // ---- refusals: nothing moved ----

    @Test
    void aPreviousConsolidationsArchiveIsRefusedSayingWhatItIs() throws Exception {
        Project earlier = ArchiveFixtures.supabase(tmp.resolve("earlier"));
        runToEnd(new ArchiveStep(earlier.inputs()), MemoryContext.forward(StepName.ARCHIVE));
        Project p = ArchiveFixtures.flyway(tmp.resolve("app"));
        copyTree(earlier.archiveDir(), p.archiveDir());
        Map<String, String> before = tree(p.root());

        Problem problem = refusal(p);
        assertTrue(problem.what().contains("previous consolidation's archive (plan " + earlier.plan().planId()), problem.what());
        assertTrue(problem.fix().contains("git mv src/main/resources/db/migration_archive src/main/resources/db/migration_"
                + earlier.plan().planId() + "_archive"), problem.fix());
        assertEquals(before, tree(p.root()));
    }

    @Test
    void anArchiveFolderHoldingOtherFilesIsRefusedNamingThem() throws Exception {
        Project p = ArchiveFixtures.supabase(tmp.resolve("app"));
        ArchiveFixtures.write(p.root(), "supabase/migrations_archive/old.sql", "select 1;\n");
        Map<String, String> before = tree(p.root());
        Problem problem = refusal(p);
        assertTrue(problem.what().contains("holds 1 file this plan did not put there: old.sql"), problem.what());
        assertEquals(before, tree(p.root()));
    }

    @Test
    void aFileChangedSinceThePlanIsRefusedByName() throws Exception {
        Project p = ArchiveFixtures.supabase(tmp.resolve("app"));
        ArchiveFixtures.write(p.root(), "supabase/migrations/20250902100000_step_2.sql", "-- edited after the plan\n");
        Map<String, String> before = tree(p.root());
        Problem problem = refusal(p);
        assertEquals("1 file to archive changed since the plan was made: supabase/migrations/20250902100000_step_2.sql.",
                problem.what());
        assertTrue(problem.state().startsWith("Nothing was moved"), problem.state());
        assertEquals(before, tree(p.root()));
        assertFalse(Files.exists(p.runFolder().artifacts().resolve(OriginalsBundle.FILE_NAME)), "no bundle for a refused archive");
    }

    @Test
    void aMissingFileIsRefusedByName() throws Exception {
        Project p = ArchiveFixtures.prisma(tmp.resolve("app"));
        Files.delete(p.file("prisma/migrations/20240103000000_indexes/migration.sql"));
        Map<String, String> before = tree(p.root());
        Problem problem = refusal(p);
        assertTrue(problem.what().contains("1 file missing: prisma/migrations/20240103000000_indexes/migration.sql"), problem.what());
        assertEquals(before, tree(p.root()));
    }

    // ---- resuming and undoing partial work ----

    @Test
    void anInterruptedCopyAcrossFileSystemsIsFinishedOnResume() throws Exception {
        Project p = ArchiveFixtures.supabase(tmp.resolve("app"));
        Project ref = ArchiveFixtures.supabase(tmp.resolve("ref"));
        runToEnd(new ArchiveStep(ref.inputs()), MemoryContext.forward(StepName.ARCHIVE));

        ArchiveStep step = new ArchiveStep(p.inputs());
        MemoryContext ctx = MemoryContext.forward(StepName.ARCHIVE);
        step.execute(ctx);
        step.execute(ctx);
        // What a copy to another file system leaves when the process dies between the copy and the
        // delete (file 1 at both ends), and one that died before its rename (file 2's temporary).
        Files.copy(p.file("supabase/migrations/20250902100000_step_2.sql"), p.archiveDir().resolve("20250902100000_step_2.sql"));
        Files.writeString(p.archiveDir().resolve("20250903100000_step_3.sql" + AtomicFiles.TEMP_SUFFIX), "-- half");
        runToEnd(step, ctx);
        assertEquals(tree(ref.root()), tree(p.root()));
    }

    @Test
    void aResumeWhoseJournalLostItsLastRecordsEndsTheSameAsAnUninterruptedRun() throws Exception {
        Project ref = ArchiveFixtures.prisma(tmp.resolve("ref"));
        runToEnd(new ArchiveStep(ref.inputs()), MemoryContext.forward(StepName.ARCHIVE));
        Project p = ArchiveFixtures.prisma(tmp.resolve("app"));
        ArchiveStep first = new ArchiveStep(p.inputs());
        MemoryContext lost = MemoryContext.forward(StepName.ARCHIVE);
        for (int i = 0; i < 3; i++) {
            first.execute(lost);
        }
        // A crash the journal did not keep up with: everything it said is gone, two files had moved.
        runToEnd(new ArchiveStep(p.inputs()), MemoryContext.forward(StepName.ARCHIVE));
        assertEquals(tree(ref.root()), tree(p.root()));
        assertArrayEquals(bytes(ref.runFolder().artifacts().resolve(OriginalsBundle.FILE_NAME)),
                bytes(p.runFolder().artifacts().resolve(OriginalsBundle.FILE_NAME)));
    }

    @Test
    void anUndoWhoseJournalMissedTheLastMovesStillMovesEveryFileBack() throws Exception {
        Project p = ArchiveFixtures.supabase(tmp.resolve("app"));
        Map<String, String> before = tree(p.root());
        ArchiveStep step = new ArchiveStep(p.inputs());
        MemoryContext ctx = MemoryContext.forward(StepName.ARCHIVE);
        runToEnd(step, ctx);
        ctx.journal().record("moved", "2");
        ctx.journal().forget("move");
        step.compensate(MemoryContext.undoOf(ctx));
        assertEquals(before, tree(p.root()));
    }

    @Test
    void undoAfterAPartialExecuteMovesBackOnlyWhatMoved() throws Exception {
        Project p = ArchiveFixtures.flyway(tmp.resolve("app"));
        Map<String, String> before = tree(p.root());
        ArchiveStep step = new ArchiveStep(p.inputs());
        MemoryContext ctx = MemoryContext.forward(StepName.ARCHIVE);
        for (int i = 0; i < 3; i++) {
            step.execute(ctx);
        }
        assertEquals("Moved 2 of 5 files to src/main/resources/db/migration_archive/ (manifest SHA256SUMS, bundle "
                + "artifacts/originals.tar.zst " + ArchiveReadmeSize.of(p) + ") before stopping.", step.describeDone(ctx));
        List<String> commands = step.manualUndo(ctx);
        assertTrue(commands.get(0).contains("sha256sum -c --ignore-missing SHA256SUMS"), commands.get(0));
        assertEquals(2, commands.stream().filter(c -> c.startsWith("mv ")).count(), String.join("\n", commands));
        step.compensate(MemoryContext.undoOf(ctx));
        assertEquals(before, tree(p.root()));
    }

    @Test
    void undoRefusesAnEditedArchivedFileNamingItAndCompletesOnceItIsRestored() throws Exception {
        Project p = ArchiveFixtures.supabase(tmp.resolve("app"));
        Map<String, String> before = tree(p.root());
        ArchiveStep step = new ArchiveStep(p.inputs());
        MemoryContext ctx = MemoryContext.forward(StepName.ARCHIVE);
        runToEnd(step, ctx);
        Path edited = p.archiveDir().resolve("20250904100000_step_4.sql");
        byte[] original = bytes(edited);
        Files.writeString(edited, "-- someone's edit\n");
        Map<String, String> archived = tree(p.root());

        MemoryContext undo = MemoryContext.undoOf(ctx);
        Problem problem = assertThrows(Problem.class, () -> step.compensate(undo));
        assertEquals(ExitCode.MANUAL, problem.exitCode());
        assertTrue(problem.what().contains("edited in the archive since it was archived: "
                + "supabase/migrations_archive/20250904100000_step_4.sql"), problem.what());
        assertTrue(problem.fix().contains("tar --zstd -xOf"), problem.fix());
        assertEquals(archived, tree(p.root()), "nothing moved back: the archive stays consistent with its manifest");

        Files.write(edited, original);
        step.compensate(undo.again());
        assertEquals(before, tree(p.root()));
    }

    @Test
    void theByHandCommandsUndoTheArchiveWhenRunInAShell() throws Exception {
        Assumptions.assumeTrue(onPath("sh") && onPath("sha256sum"), "sh or sha256sum is not installed");
        Project p = ArchiveFixtures.prisma(tmp.resolve("app"));
        Map<String, String> before = tree(p.root());
        ArchiveStep step = new ArchiveStep(p.inputs());
        MemoryContext ctx = MemoryContext.forward(StepName.ARCHIVE);
        runToEnd(step, ctx);
        List<String> commands = step.manualUndo(ctx);
        assertEquals("(cd 'prisma/migrations_archive' && sha256sum -c SHA256SUMS)", commands.get(0));
        assertTrue(commands.contains("mv 'prisma/migrations_archive/20240102000000_add users/README.md' "
                + "'prisma/migrations/20240102000000_add users/README.md'"), String.join("\n", commands));
        ProcessResult sh = run(p.root(), "sh", "-ec", String.join("\n", commands));
        assertEquals(0, sh.exit(), sh.output());
        assertEquals(before, tree(p.root()));
    }

    // ---- crash and resume through the real job machinery ----

    @Test
    void killedBeforeTheThirdMoveResumesToTheSameBytesAsAnUninterruptedRun() throws Exception {
        crashAndResume("archive:before:2", 2);
    }

    @Test
    void killedAfterTheThirdMoveResumesToTheSameBytesAndAKilledRollbackCompletes() throws Exception {
        Project p = crashAndResume("archive:moved:2", 3);
        Map<String, String> original = tree(ArchiveFixtures.supabase(tmp.resolve("pristine")).root());

        assertEquals(137, harness(p, "rollback", "undo-archive:moved:3"));
        assertTrue(Files.isRegularFile(p.file("supabase/migrations/20250904100000_step_4.sql")), "moved back before the kill");
        assertTrue(Files.isRegularFile(p.archiveDir().resolve("20250903100000_step_3.sql")), "not yet moved back");
        try (JobStore store = JobStore.open(p.runFolder().root())) {
            JobRunner again = runner(store, p);
            assertEquals(ExitCode.SUCCESS, again.rollback(null).exitCode());
            assertEquals("UNDONE", again.status().steps().get(0).state());
        }
        assertEquals(original, tree(p.root()));
    }

    /** Kills the job at {@code fault}, checks how many files had moved, resumes in this JVM, compares with a clean run. */
    private Project crashAndResume(String fault, int movedAtKill) throws Exception {
        Project ref = reference();
        Project p = ArchiveFixtures.supabase(tmp.resolve("app"));
        writePlan(p);
        assertEquals(137, harness(p, "execute", fault));
        long archived = p.plan().archive().files().stream()
                .filter(f -> Files.exists(p.file(f.replace("migrations/", "migrations_archive/")))).count();
        assertEquals(movedAtKill, archived, "files in the archive when the process died");
        try (JobStore store = JobStore.open(p.runFolder().root())) {
            RunResult resumed = runner(store, p).resume();
            assertEquals(ExitCode.SUCCESS, resumed.exitCode(), resumed.summary());
        }
        assertEquals(tree(ref.root()), tree(p.root()), "same paths and bytes as the uninterrupted run");
        for (String f : List.of("artifacts/" + OriginalsBundle.FILE_NAME, ArchiveStep.MANIFEST_COPY)) {
            assertArrayEquals(bytes(ref.runFolder().root().resolve(f)), bytes(p.runFolder().root().resolve(f)), f);
        }
        return p;
    }

    private static synchronized Project reference() throws IOException {
        if (reference == null) {
            Project ref = ArchiveFixtures.supabase(shared.resolve("reference"));
            writePlan(ref);
            try (JobStore store = JobStore.open(ref.runFolder().root())) {
                assertEquals(ExitCode.SUCCESS, runner(store, ref).execute().exitCode());
            }
            reference = ref;
        }
        return reference;
    }

    private int harness(Project p, String mode, String fault) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Harness.class.getName(),
                p.root().toString(), p.runFolder().root().toString(), mode);
        pb.redirectErrorStream(true);
        pb.environment().remove(FaultHook.VARIABLE);
        if (fault != null) {
            pb.environment().put(FaultHook.VARIABLE, fault);
        }
        Process proc = pb.start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = proc.waitFor();
        if (code != 0 && code != FaultHook.HALT_STATUS) {
            throw new AssertionError("harness " + mode + " exited " + code + ":\n" + out);
        }
        return code;
    }

    private static JobRunner runner(JobStore store, Project p) {
        return Harness.runner(store, p.root(), p.runFolder(), p.plan(), FaultHook.disarmed());
    }

    private static void writePlan(Project p) throws IOException {
        AtomicFiles.writeString(p.runFolder().planJson(), PlanWriter.json(p.plan()));
    }

    /** The archive step alone as a job in its own process, so that a test can kill it part-way. */
    public static final class Harness {
        private Harness() {
        }

        static JobRunner runner(JobStore store, Path root, RunFolder run, Plan plan, FaultHook hook) {
            Clock clock = Clock.fixed(ArchiveFixtures.NOW, ZoneOffset.UTC);
            ArchiveStep step = new ArchiveStep(new RunInputs(plan, run, root, null, clock));
            return new JobRunner(store, List.of(step), new JobIdentity(plan.planId(), plan.fingerprint()), hook,
                    JobProgress.silent(), clock);
        }

        /** args: projectRoot runFolder mode(execute|resume|rollback) */
        public static void main(String[] args) {
            Path root = Path.of(args[0]);
            RunFolder run = new RunFolder(Path.of(args[1]));
            Plan plan = PlanWriter.read(run);
            try (JobStore store = JobStore.open(run.root())) {
                JobRunner r = runner(store, root, run, plan, FaultHook.fromEnvironment(System.getenv()));
                RunResult result = switch (args[2]) {
                    case "execute" -> r.execute();
                    case "resume" -> r.resume();
                    default -> r.rollback(null);
                };
                if (result.problem() != null) {
                    System.err.println(result.problem().render());
                }
                System.exit(result.exitCode().code());
            }
        }
    }

    // ---- helpers ----

    private static int runToEnd(ArchiveStep step, StepContext ctx) throws Exception {
        int calls = 1;
        while (step.execute(ctx) == Progress.MORE) {
            calls++;
            assertTrue(calls < 1000, "the step never finished");
        }
        return calls;
    }

    private static Problem refusal(Project p) {
        ArchiveStep step = new ArchiveStep(p.inputs());
        MemoryContext ctx = MemoryContext.forward(StepName.ARCHIVE);
        Problem problem = assertThrows(Problem.class, () -> step.execute(ctx));
        assertEquals(ExitCode.PRECONDITION, problem.exitCode());
        assertNotEquals(null, problem.fix());
        // The undo of a refused archive has nothing to move and leaves the project as it is.
        assertTrue(step.manualUndo(ctx).isEmpty());
        return problem;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    record ProcessResult(int exit, String output) {
    }

    private record Sha256sum(int exit, String output) {
    }

    private static Sha256sum sha256sumCheck(Path archiveDir) throws Exception {
        Assumptions.assumeTrue(onPath("sha256sum"), "coreutils sha256sum is not installed");
        ProcessResult r = run(archiveDir, "sha256sum", "-c", ArchiveManifest.SUMS_NAME);
        return new Sha256sum(r.exit(), r.output());
    }

    private static ProcessResult run(Path dir, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Process proc = pb.start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ProcessResult(proc.waitFor(), out);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** The bundle's size as describeDone prints it. */
    private static final class ArchiveReadmeSize {
        static String of(Project p) throws IOException {
            return dev.consolidate.archive.ArchiveReadme.size(Files.size(p.runFolder().artifacts().resolve(OriginalsBundle.FILE_NAME)));
        }
    }
}
