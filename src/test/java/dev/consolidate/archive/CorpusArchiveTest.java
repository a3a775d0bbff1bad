package dev.consolidate.archive;

import static dev.consolidate.archive.ArchiveFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.history.BaselineIdentity;
import dev.consolidate.history.Migration;
import dev.consolidate.history.MigrationSet;
import dev.consolidate.history.Tool;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.steps.ArchiveStep;
import dev.consolidate.steps.Progress;
import dev.consolidate.steps.StepName;
import dev.consolidate.testsupport.Corpora;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public histories as their adapters discover them, archived and undone. The archive moves
 * files, so each runs on a working copy in a temporary folder; the corpus itself is only read.
 */
class CorpusArchiveTest {
    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "documenso, prisma, packages/prisma/migrations, 000000000000_squashed_migrations/migration.sql",
        "marquez, flyway, api/src/main/resources/marquez/db/migration, V999__consolidated_baseline.sql",
        "measure, dbmate, self-host/postgres, 29990101000000_consolidated_baseline.sql",
        "supabase-storage, sql, migrations/tenant, 9999-consolidated-baseline.sql",
        "chatbot-ui, supabase, supabase/migrations, 29990101000000_consolidated_baseline.sql"})
    void aRealHistoryIsArchivedVerifiedAndRestoredByteForByte(String corpus, String tool, String folder, String baselineName)
            throws Exception {
        Path source = Corpora.require(corpus).resolve(folder);
        copy(source, root.resolve(folder));
        Tool t = Tool.fromCliName(tool);
        MigrationSet set = ToolRegistry.standard().adapter(t).discover(root, root.resolve(folder));
        List<String> files = set.migrations().stream().map(Migration::path).toList();
        String baseline = folder + "/" + baselineName;
        ArchiveFixtures.write(root, baseline, "-- baseline\n");
        ArchiveFixtures.Project p = new ArchiveFixtures.Project(root, ArchiveFixtures.plan(root, t, folder, files,
                new BaselineIdentity(t, "0", "consolidated_baseline", baseline, folder + "_archive")));
        Map<String, String> before = tree(root);

        ArchiveStep step = new ArchiveStep(p.inputs());
        MemoryContext ctx = MemoryContext.forward(StepName.ARCHIVE);
        while (step.execute(ctx) == Progress.MORE) {
            // one file per call
        }
        assertEquals(List.of(), ArchiveVerifier.verify(p.archiveDir()));
        for (String f : files) {
            assertTrue(Files.notExists(root.resolve(f)), f + " is still in the migrations folder");
        }
        for (var ignored : set.ignored()) {
            if (Files.isRegularFile(source.resolve(ignored.path().substring(folder.length() + 1)))) {
                assertTrue(Files.exists(root.resolve(ignored.path())), "not a migration, so it stays: " + ignored.path());
            }
        }
        Process check = new ProcessBuilder("sha256sum", "--quiet", "-c", ArchiveManifest.SUMS_NAME)
                .directory(p.archiveDir().toFile()).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), out);

        step.compensate(MemoryContext.undoOf(ctx));
        assertEquals(before, tree(root));
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
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
}
