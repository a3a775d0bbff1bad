package dev.consolidate.cli;

import dev.consolidate.problem.Problem;
import dev.consolidate.settings.Settings;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A job's {@code copy-from}: the project is copied into {@code dir} the first time, so a demo or
 * test job never changes the repository it ships in. An existing {@code dir} is used as it is.
 */
final class JobProjectCopy {
    private JobProjectCopy() {
    }

    static void prepare(Settings s) {
        if (s.copyFrom() == null || Files.exists(s.dir())) {
            return;
        }
        Path from = s.copyFrom();
        if (!Files.isDirectory(from)) {
            throw Problem.usage("The job's copy-from folder " + from + " does not exist.")
                    .why("copy-from names the project the job copies into dir before its first run.")
                    .fix("Correct copy-from in " + s.jobFile() + ".")
                    .state("Nothing was changed.")
                    .build();
        }
        Path to = s.dir();
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw Problem.usage("Could not copy the job's project from " + from + " to " + to + ": " + e.getMessage())
                    .why("A job with copy-from works on a copy of its project.")
                    .fix("Check free space and permissions of " + to.getParent() + ".")
                    .state("A partial copy may be in " + to + "; delete it and run again.")
                    .cause(e)
                    .build();
        }
    }
}
