package dev.consolidate.check;

import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.problem.Problem;
import dev.consolidate.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a check's report goes: {@code <project>/.consolidate/check/} by default (the run folder
 * area, never committed), or the folder {@code --run-dir} names. Written atomically.
 */
public record CheckFiles(Path folder) {
    public static final String MARKDOWN = "CHECK.md";
    public static final String JSON = "check.json";

    public static CheckFiles defaultFor(Path projectRoot) {
        return new CheckFiles(projectRoot.resolve(RunFolder.PARENT).resolve("check"));
    }

    public Path markdown() {
        return folder.resolve(MARKDOWN);
    }

    public Path json() {
        return folder.resolve(JSON);
    }

    public void write(CheckReport report) {
        try {
            Files.createDirectories(folder);
            Path parent = folder.getParent();
            if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals(RunFolder.PARENT)) {
                Path ignore = parent.resolve(".gitignore");
                if (!Files.exists(ignore)) {
                    AtomicFiles.writeString(ignore, "# Run folders hold plans, checkpoints and backups of production data.\n*\n");
                }
            }
            AtomicFiles.writeString(markdown(), CheckMarkdown.render(report));
            AtomicFiles.writeString(json(), CheckJson.text(report));
        } catch (IOException e) {
            throw Problem.usage("Could not write the check's report into " + folder + ": " + e.getMessage())
                    .why("CHECK.md and check.json go into the run folder area.")
                    .fix("Check the folder's permissions and free space, or choose another with --run-dir.")
                    .state("No database was written to; the check's result is in the exit code.")
                    .cause(e)
                    .build();
        }
    }
}
