package dev.consolidate.history;

import dev.consolidate.fs.Sha256;
import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a migrations folder safely: the folder must exist and hold something, entries may not be
 * symbolic links leading out of it, files must be readable and valid UTF-8. Every refusal is a
 * Problem naming the file; nothing is ever written.
 */
final class MigrationFolder {
    private static final String NOTHING_CHANGED = "Nothing was changed: files were only read.";

    private final Tool tool;
    private final Path projectRoot;
    private final Path folder;
    private final Path realFolder;

    MigrationFolder(Tool tool, Path projectRoot, Path folder) {
        this.tool = tool;
        this.projectRoot = projectRoot.toAbsolutePath().normalize();
        this.folder = this.projectRoot.resolve(folder).normalize();
        if (!Files.isDirectory(this.folder)) {
            throw Problem.usage("The " + tool + " migrations folder " + relative(this.folder) + " does not exist.")
                    .why(Files.exists(this.folder) ? "It is a file, not a folder." : "There is no such folder under " + this.projectRoot + ".")
                    .fix("Run from the project root (or pass --dir), or name the folder with --migrations.")
                    .state(NOTHING_CHANGED)
                    .build();
        }
        try {
            this.realFolder = this.folder.toRealPath();
        } catch (IOException e) {
            throw unreadable(this.folder, e);
        }
    }

    Path folder() {
        return folder;
    }

    /** The folder relative to the project root, '/'-separated. */
    String relativeFolder() {
        return relative(folder);
    }

    String relative(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        String r = abs.startsWith(projectRoot) ? projectRoot.relativize(abs).toString() : abs.toString();
        return r.replace('\\', '/');
    }

    /** The folder's direct entries, sorted by name (UTF-8 byte order, as Go's ReadDir and most tools list). */
    List<Path> entries() {
        return list(folder);
    }

    /** Direct entries of {@code dir} (the folder or one of its sub-folders), sorted by name. */
    List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(out::add);
        } catch (IOException e) {
            throw unreadable(dir, e);
        }
        out.sort(Comparator.comparing((Path p) -> p.getFileName().toString(), MigrationFolder::compareUtf8));
        for (Path p : out) {
            checkInside(p);
        }
        if (dir.equals(folder) && out.isEmpty()) {
            throw Problem.usage("The " + tool + " migrations folder " + relativeFolder() + " is empty.")
                    .why("There is no history to consolidate.")
                    .fix("Check --dir and --migrations; if the history lives elsewhere, name that folder with --migrations.")
                    .state(NOTHING_CHANGED)
                    .build();
        }
        return out;
    }

    /** Whether {@code p} is a regular file (following links that stay inside the folder). */
    boolean isFile(Path p) {
        return Files.isRegularFile(p);
    }

    boolean isDirectory(Path p) {
        return Files.isDirectory(p);
    }

    /** Reads and strictly decodes a file. */
    SourceFile read(Path file) {
        checkInside(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        return new SourceFile(file, relative(file), bytes, decode(file, bytes));
    }

    String sha256(SourceFile f) {
        return Sha256.hex(f.bytes());
    }

    private void checkInside(Path p) {
        if (!Files.isSymbolicLink(p)) {
            return;
        }
        Path target;
        try {
            target = p.toRealPath();
        } catch (IOException e) {
            throw Problem.usage(relative(p) + " is a symbolic link to something that does not exist.")
                    .why("A migration the tool cannot read cannot be replayed or archived.")
                    .fix("Replace the link with the file it should point to, or remove it.")
                    .state(NOTHING_CHANGED)
                    .build();
        }
        if (!target.startsWith(realFolder)) {
            throw Problem.usage(relative(p) + " is a symbolic link leading out of the migrations folder (to " + target + ").")
                    .why("Archiving moves the files of the migrations folder; a link to a file elsewhere would leave the"
                            + " real file behind or move something that belongs to another place.")
                    .fix("Copy the linked file into " + relativeFolder() + " in place of the link, then run the command again.")
                    .state(NOTHING_CHANGED)
                    .build();
        }
    }

    private Problem unreadable(Path p, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName() + ": " + e.getMessage();
        return Problem.usage("Cannot read " + relative(p) + " (" + reason + ").")
                .why("Every migration must be read to replay it, fingerprint it and archive it.")
                .fix("Make the file readable by the user running consolidate (e.g. chmod u+r), then run the command again.")
                .state(NOTHING_CHANGED)
                .cause(e)
                .build();
    }

    private String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int offset = in.position();
            throw Problem.usage(relative(file) + " is not valid UTF-8 (first invalid byte at offset " + offset + ").")
                    .why("PostgreSQL migrations are read as UTF-8 by " + tool + " and by consolidate; the bytes there"
                            + " would be sent wrongly or rejected, so the replay could not match what production ran.")
                    .fix("Convert the file to UTF-8 (e.g. iconv -f LATIN1 -t UTF-8), check the text at that offset,"
                            + " and run the command again. If production applied the file as it is, say so in the run"
                            + " notes: its checksum will change.")
                    .state(NOTHING_CHANGED)
                    .build();
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    static int compareUtf8(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }

    /** A Problem for a folder that holds files but none the tool would run. */
    Problem noMigrations(String expected) {
        return Problem.usage("No " + tool + " migrations found in " + relativeFolder() + ".")
                .why(tool + " only runs files named " + expected + "; nothing there matches.")
                .fix("Check --tool and --migrations (the folder must be the one " + tool + " reads).")
                .state(NOTHING_CHANGED)
                .build();
    }

    /** A Problem for two files the tool would record under the same version. */
    Problem duplicate(String version, String first, String second) {
        return Problem.usage("Two " + tool + " migrations have the same version " + version + ": " + first + " and " + second + ".")
                .why(tool + " records one row per version, so one of them was never applied as the file says"
                        + " (or the tool refuses to run); the history cannot be replayed faithfully.")
                .fix("Find out which file production really ran (compare with the history table), renumber or remove"
                        + " the other, then run the command again.")
                .state(NOTHING_CHANGED)
                .build();
    }
}
