package dev.consolidate.steps;

import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.fs.Sha256;
import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files the baseline step writes beside the baseline: the target tool's layout files it lacks
 * (Prisma's migration_lock.toml) and the data carried from the history. Each is recorded in the
 * journal with its hash before it is written, so that a resumed run knows a file it finds is its
 * own and the undo deletes only files still byte-identical to what it wrote.
 */
final class BesideBaseline {
    private static final String PREFIX = "beside:";
    private static final String DIR = "besideDir:";

    /**
     * @param path        relative to the project root
     * @param text        the content
     * @param mustBeOurs  true when a different file already there is a conflict (the data file);
     *                    false when a file already there is the user's and is kept (a layout file)
     */
    record Wanted(String path, String text, boolean mustBeOurs) {
    }

    private BesideBaseline() {
    }

    static void write(Journal j, Path root, List<Wanted> files) throws IOException {
        for (Wanted w : files) {
            Path target = root.resolve(w.path());
            byte[] bytes = w.text().getBytes(StandardCharsets.UTF_8);
            String sha = Sha256.hex(bytes);
            String key = PREFIX + w.path();
            boolean ours = j.get(key).isPresent();
            if (Files.exists(target)) {
                if (Sha256.ofFile(target).equals(sha)) {
                    continue;
                }
                if (!w.mustBeOurs() && !ours) {
                    continue;
                }
                throw Problem.precondition("A different file already exists at " + w.path() + ".")
                        .why("The baseline step writes that file beside the baseline; another file under that name would be"
                                + " overwritten.")
                        .fix("Move that file away, then run --resume.")
                        .state("The baseline file is in place; production is untouched. Resume with --resume or undo with"
                                + " --rollback.")
                        .build();
            }
            j.record(key, sha);
            List<Path> missing = new ArrayList<>();
            for (Path p = target.getParent(); p != null && p.startsWith(root) && !Files.exists(p); p = p.getParent()) {
                missing.add(0, p);
            }
            for (Path p : missing) {
                j.record(DIR + root.relativize(p).toString().replace('\\', '/'), "created");
                Files.createDirectory(p);
            }
            AtomicFiles.write(target, bytes);
        }
    }

    /** Paths written (relative to the root), sorted, from a forward journal. */
    static List<String> written(Journal forward) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : forward.entries().entrySet()) {
            if (e.getKey().startsWith(PREFIX)) {
                out.add(e.getKey().substring(PREFIX.length()));
            }
        }
        return out;
    }

    /** Deletes every file the forward run wrote that is still as written; an edited one stops the undo. */
    static void undo(Journal forward, Path root) throws IOException {
        List<String> edited = new ArrayList<>();
        for (String path : written(forward)) {
            Path target = root.resolve(path);
            if (!Files.exists(target)) {
                continue;
            }
            if (!Sha256.ofFile(target).equals(forward.get(PREFIX + path).orElse(""))) {
                edited.add(path);
                continue;
            }
            Files.delete(target);
        }
        List<String> dirs = new ArrayList<>();
        forward.entries().keySet().stream().filter(k -> k.startsWith(DIR)).forEach(k -> dirs.add(k.substring(DIR.length())));
        dirs.sort(java.util.Comparator.comparing(String::length).reversed());
        for (String d : dirs) {
            Path p = root.resolve(d);
            if (Files.isDirectory(p)) {
                try (var entries = Files.list(p)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(p);
                    }
                }
            }
        }
        if (!edited.isEmpty()) {
            throw Problem.manual("Files written beside the baseline were edited after they were written: "
                            + String.join(", ", edited) + ".")
                    .why("Undo deletes only the files this run wrote, unchanged; deleting an edited file would lose work.")
                    .fix("Keep your edits elsewhere, delete those files yourself, then run --rollback again.")
                    .state("Those files were left as they are; every other file this run wrote beside the baseline was deleted.")
                    .build();
        }
    }

    /** The commands that undo the writes by hand. */
    static List<String> manualUndo(Journal forward) {
        List<String> out = new ArrayList<>();
        for (String path : written(forward)) {
            out.add("echo '" + forward.get(PREFIX + path).orElse("") + "  " + path + "' | sha256sum -c -   # must say OK before deleting");
            out.add("rm '" + path + "'");
        }
        return out;
    }
}
