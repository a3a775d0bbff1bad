package dev.consolidate.archive;

import static dev.consolidate.archive.ArchiveFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.fs.Sha256;
import dev.consolidate.history.BaselineIdentity;
import dev.consolidate.history.Tool;
import dev.consolidate.steps.ArchiveStep;
import dev.consolidate.steps.Progress;
import dev.consolidate.steps.StepName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names that break naive manifests and shell lines: a quote, a backslash, a line break, a
 * space, non-ASCII letters and a name too long for a plain tar header. sha256sum, tar and sh must
 * read what the archive wrote for them.
 */
class OddNamesTest {
    private static final List<String> NAMES = List.of("001_it's.sql", "002_back\\slash.sql", "003_new\nline.sql",
            "004_with space.sql", "005_ünïcödé.sql", "006_" + "long_".repeat(30) + "name.sql");

    @TempDir
    Path root;

    @Test
    void sha256sumTarAndShellReadWhatTheArchiveWroteForAwkwardNames() throws Exception {
        Assumptions.assumeTrue(works("sha256sum", "--version") && works("tar", "--version") && works("zstd", "--version"),
                "coreutils sha256sum, GNU tar and zstd are needed");
        String dir = "sql";
        List<String> files = new ArrayList<>();
        for (String n : NAMES) {
            ArchiveFixtures.write(root, dir + "/" + n, "-- " + n + "\nselect 1;\n");
            files.add(dir + "/" + n);
        }
        String baseline = dir + "/007_baseline.sql";
        ArchiveFixtures.write(root, baseline, "-- baseline\n");
        ArchiveFixtures.Project p = new ArchiveFixtures.Project(root, ArchiveFixtures.plan(root, Tool.SQL, dir, files,
                new BaselineIdentity(Tool.SQL, "7", "baseline", baseline, dir + "_archive")));
        Map<String, String> before = tree(root);

        ArchiveStep step = new ArchiveStep(p.inputs());
        MemoryContext ctx = MemoryContext.forward(StepName.ARCHIVE);
        while (step.execute(ctx) == Progress.MORE) {
            // one file per call
        }
        String sums = Files.readString(p.archiveDir().resolve(ArchiveManifest.SUMS_NAME));
        assertTrue(sums.contains("\\" + Sha256.ofFile(p.archiveDir().resolve(NAMES.get(1))) + "  002_back\\\\slash.sql\n"), sums);
        Run check = run(p.archiveDir(), "sha256sum", "-c", ArchiveManifest.SUMS_NAME);
        assertEquals(0, check.exit(), check.output());
        assertEquals(NAMES.size(), check.output().lines().filter(l -> l.endsWith(": OK")).count(), check.output());

        Path bundle = p.runFolder().artifacts().resolve(OriginalsBundle.FILE_NAME);
        Path extracted = Files.createDirectories(root.resolve("extracted"));
        Run untar = run(extracted, "tar", "--zstd", "-xf", bundle.toString());
        assertEquals(0, untar.exit(), untar.output());
        for (String n : NAMES) {
            assertEquals(Sha256.ofFile(p.archiveDir().resolve(n)), Sha256.ofFile(extracted.resolve(dir).resolve(n)), n);
        }
        deleteTree(extracted);

        Run sh = run(root, "sh", "-ec", String.join("\n", step.manualUndo(ctx)));
        assertEquals(0, sh.exit(), sh.output());
        assertEquals(before, tree(root));
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path dir, String... command) throws Exception {
        Process proc = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(proc.waitFor(), out);
    }

    private static boolean works(String... command) {
        try {
            return run(Path.of("."), command).exit() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
