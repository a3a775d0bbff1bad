package dev.consolidate.steps;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consolidate.archive.ArchiveFolderCheck;
import dev.consolidate.archive.ArchiveLayout;
import dev.consolidate.archive.ArchiveManifest;
import dev.consolidate.archive.ArchiveReadme;
import dev.consolidate.archive.ArchivedFile;
import dev.consolidate.archive.HandUndo;
import dev.consolidate.archive.Inventory;
import dev.consolidate.archive.ManifestCodec;
import dev.consolidate.archive.Moves;
import dev.consolidate.archive.OriginalsBundle;
import dev.consolidate.archive.Placement;
import dev.consolidate.archive.Restore;
import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.fs.Sha256;
import dev.consolidate.history.Tool;
import dev.consolidate.plan.Plan;
import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Protocol step 6: moves the consolidated migration files into the tool's archive folder, one
 * verified move per call, after writing a compressed bundle of the originals into the run folder
 * and laying the README, {@code SHA256SUMS} and {@code manifest.json} into the archive folder.
 * Undo moves every moved file back, newest first, each verified against the manifest.
 *
 * <p>The journal stays small whatever the number of files (the per-file facts live in the
 * manifest, whose run-folder copy is pinned by its hash): {@code archivedAt}, {@code folderCreated},
 * {@code bundle}, {@code manifest.sha256}, {@code own.<name>} (the hashes of the README and
 * manifests), {@code total}, {@code prepared}; then per move one durable record, the intent
 * {@code move} (n, from, to, sha256), written before the move: the files before n are moved and
 * verified, and file n is settled again (moved, or found moved and verified) by the next call or
 * after a crash. {@code moved} (the count) closes the step. One record per move, because each costs
 * a synchronous commit of the job repository.
 */
public final class ArchiveStep implements ProtocolStep {
    /** The run-folder copy of the manifest, relative to the run folder. */
    public static final String MANIFEST_COPY = "artifacts/archive-manifest.json";
    static final String BUNDLE = "artifacts/" + OriginalsBundle.FILE_NAME;
    /** The undo's own journal says it finished (a key no other step's journal is likely to hold). */
    private static final String UNDONE = "archiveUndone";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunInputs inputs;
    private final ArchiveLayout layout;
    private ArchiveManifest cached;
    private String cachedSha;
    /** The last move this process settled (its journal record precedes it, so a new process redoes the check). */
    private int settledHere = -1;

    public ArchiveStep(RunInputs inputs) {
        this.inputs = inputs;
        Plan plan = inputs.plan();
        this.layout = new ArchiveLayout(inputs.projectRoot(), Tool.fromCliName(plan.project().tool()),
                plan.project().folder(), plan.archive().folder());
    }

    /** The intent journaled before each move. */
    @JsonPropertyOrder({"n", "from", "to", "sha256"})
    record Intent(int n, String from, String to, String sha256) {
    }

    @Override
    public StepName name() {
        return StepName.ARCHIVE;
    }

    @Override
    public Progress execute(StepContext ctx) throws Exception {
        Journal j = ctx.journal();
        if (j.get("prepared").isEmpty()) {
            prepare(ctx);
            return j.get("total").map(Integer::parseInt).orElse(0) == 0 ? Progress.DONE : Progress.MORE;
        }
        ArchiveManifest m = manifest(j, true);
        int total = m.files().size();
        if (j.get("moved").isPresent()) {
            return Progress.DONE;
        }
        Optional<Intent> last = intent(j);
        if (last.isPresent() && last.get().n() != settledHere) {
            // The move journaled last, made or not before the run stopped: settle it first.
            settle(m, last.get().n());
        }
        int n = last.map(Intent::n).orElse(-1) + 1;
        if (n < total) {
            j.record("move", JSON.writeValueAsString(new Intent(n, m.files().get(n).from(), m.files().get(n).to(),
                    m.files().get(n).sha256())));
            settledHere = -1;
            ctx.faultPoint("archive:before:" + n);
            settle(m, n);
            ctx.faultPoint("archive:moved:" + n);
            ctx.progress("file " + (n + 1) + "/" + total + ": " + m.files().get(n).from());
        }
        if (n + 1 >= total) {
            j.record("moved", Integer.toString(total));
            return Progress.DONE;
        }
        return Progress.MORE;
    }

    private void prepare(StepContext ctx) throws IOException {
        Journal j = ctx.journal();
        Plan plan = inputs.plan();
        settledHere = -1;
        // The time the archive began, kept so that a resumed run writes the same bytes.
        String archivedAt = j.get("archivedAt").orElseGet(() -> {
            String at = inputs.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
            j.record("archivedAt", at);
            return at;
        });
        ArchiveFolderCheck.Found found = ArchiveFolderCheck.inspect(layout, plan.planId());
        Map<String, String> planned = new LinkedHashMap<>();
        for (Plan.FileEntry f : plan.migrations()) {
            planned.put(f.path(), f.sha256());
        }
        Inventory.Taken taken = Inventory.take(layout, plan.archive().files(), planned, plan.baseline().path());
        if (j.get("folderCreated").isEmpty()) {
            j.record("folderCreated", Boolean.toString(!found.existed()));
        }
        ctx.progress("bundling " + taken.files().size() + " files into " + BUNDLE);
        Path bundleFile = inputs.runFolder().root().resolve(BUNDLE);
        ArchiveManifest.Bundle bundle = OriginalsBundle.write(layout, taken.files(), bundleFile, BUNDLE,
                Instant.parse(archivedAt));
        j.record("bundle", JSON.writeValueAsString(bundle));

        ArchiveManifest m = new ArchiveManifest(ArchiveManifest.FORMAT, plan.planId(), archivedAt, layout.tool().cliName(),
                layout.migrationsFolder(), layout.archiveFolder(), new ArchiveManifest.Baseline(plan.baseline().tool().cliName(),
                plan.baseline().version(), plan.baseline().name(), plan.baseline().path()), bundle, taken.sum(), taken.files());
        Map<String, String> own = new LinkedHashMap<>();
        own.put(ArchiveManifest.README_NAME, ArchiveReadme.render(layout, m, plan.archive().files().size(), bundleShown()));
        own.put(ArchiveManifest.SUMS_NAME, ManifestCodec.sha256sums(m));
        own.put(ArchiveManifest.JSON_NAME, ManifestCodec.json(m));
        AtomicFiles.write(inputs.runFolder().root().resolve(MANIFEST_COPY),
                out -> out.write(own.get(ArchiveManifest.JSON_NAME).getBytes(StandardCharsets.UTF_8)), true);
        j.record("manifest.sha256", Sha256.hex(own.get(ArchiveManifest.JSON_NAME)));
        for (Map.Entry<String, String> e : own.entrySet()) {
            j.record("own." + e.getKey(), Sha256.hex(e.getValue()));
        }
        j.record("total", Integer.toString(m.files().size()));
        Files.createDirectories(layout.archiveDir());
        for (Map.Entry<String, String> e : own.entrySet()) {
            AtomicFiles.writeString(layout.archiveDir().resolve(e.getKey()), e.getValue());
        }
        j.record("prepared", "true");
        ctx.progress("bundle " + BUNDLE + " (" + ArchiveReadme.size(bundle.size()) + ") written and verified; "
                + m.files().size() + " files to move into " + layout.archiveFolder() + "/");
    }

    /** Moves file {@code n} (or finds it moved) and verifies it at its destination. */
    private void settle(ArchiveManifest m, int n) throws IOException {
        ArchivedFile f = m.files().get(n);
        Path from = layout.resolve(f.from());
        try {
            Moves.settle(from, layout.resolve(f.to()), f.sha256());
        } catch (Moves.Unsettled u) {
            throw forwardRefusal(f, u.placement());
        }
        Moves.removeEmptied(from.getParent(), layout.migrationsDir());
        settledHere = n;
    }

    private Problem forwardRefusal(ArchivedFile f, Placement p) {
        String what;
        if (p.lost()) {
            what = f.from() + " is gone and was never archived: it is neither in " + shownMigrations() + " nor at " + f.to() + ".";
        } else if (p.toSame()) {
            what = f.from() + " was archived to " + f.to() + ", but another file with the same name is now in " + shownMigrations() + ".";
        } else if (p.to()) {
            what = f.to() + " holds other bytes than " + f.from() + " had when the archive began.";
        } else {
            what = f.from() + " changed while the archive step was running (its SHA-256 is no longer " + f.sha256() + ").";
        }
        return Problem.stepFailed(what)
                .why("Each file moves only with the bytes the plan checked and the bundle holds.")
                .fix("Put the original back (from the project root: tar --zstd -xf " + bundleShown() + " '" + f.from()
                        + "'), move away any other file at " + f.to() + ", then run --resume.")
                .state("The files before it are in " + layout.archiveFolder() + "/, it and the rest in " + shownMigrations()
                        + "; nothing else was changed.")
                .build();
    }

    @Override
    public void compensate(StepContext ctx) throws Exception {
        Journal forward = ctx.journalOf(StepName.ARCHIVE);
        Journal own = ctx.journal();
        if (forward.get("archivedAt").isEmpty()) {
            own.record(UNDONE, "true");
            return;
        }
        Restore restore = new Restore(layout, bundleShown());
        ArchiveManifest m = null;
        if (forward.get("manifest.sha256").isPresent()) {
            m = manifest(forward, false);
            List<Integer> candidates = candidates(forward, m);
            restore.check(m, candidates);
            for (int i = candidates.size() - 1; i >= 0; i--) {
                int n = candidates.get(i);
                ctx.faultPoint("undo-archive:before:" + n);
                restore.moveBack(m, n);
                ctx.faultPoint("undo-archive:moved:" + n);
                ctx.progress("back " + (candidates.size() - i) + "/" + candidates.size() + ": " + m.files().get(n).from());
            }
        }
        Map<String, String> ownSha256 = new LinkedHashMap<>();
        for (String name : ArchiveManifest.OWN_FILES) {
            forward.get("own." + name).ifPresent(sha -> ownSha256.put(name, sha));
        }
        for (String kept : restore.clearFolder(m, ownSha256, Boolean.parseBoolean(forward.get("folderCreated").orElse("false")))) {
            ctx.progress("kept " + kept + ": edited since the archive step wrote it");
        }
        own.record(UNDONE, "true");
    }

    /**
     * The moves that may have happened: every one the journal counts, the one in flight when the
     * run stopped, and any later file found at its place in the archive (the folder was this plan's
     * alone, so only a move of ours put it there, even one the journal did not keep up with).
     */
    private List<Integer> candidates(Journal forward, ArchiveManifest m) {
        int journaledUpTo = forward.get("moved").isPresent() ? m.files().size() - 1 : intent(forward).map(Intent::n).orElse(-1);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < m.files().size(); i++) {
            boolean journaled = i <= journaledUpTo;
            if (journaled || Files.exists(layout.resolve(m.files().get(i).to()), LinkOption.NOFOLLOW_LINKS)) {
                out.add(i);
            }
        }
        return out;
    }

    /** The files now at their place in the archive, in the manifest's order. */
    private List<ArchivedFile> inArchive(ArchiveManifest m) {
        return m.files().stream().filter(f -> Files.exists(layout.resolve(f.to()), LinkOption.NOFOLLOW_LINKS)).toList();
    }

    @Override
    public String describeDone(StepContext ctx) {
        Journal j = ctx.journalOf(StepName.ARCHIVE);
        if (j.get("archivedAt").isEmpty()) {
            return "Nothing archived.";
        }
        Optional<ArchiveManifest.Bundle> bundle = j.get("bundle").map(s -> read(s, ArchiveManifest.Bundle.class));
        if (j.get("prepared").isEmpty()) {
            return "Began the archive; no file was moved" + bundle.map(b -> " (bundle " + b.file() + " written)").orElse("") + ".";
        }
        int total = Integer.parseInt(j.get("total").orElse("0"));
        int moved = moved(j);
        String where = layout.archiveFolder() + "/ (manifest " + ArchiveManifest.SUMS_NAME
                + bundle.map(b -> ", bundle " + b.file() + " " + ArchiveReadme.size(b.size())).orElse("") + ")";
        return moved >= total
                ? "Moved " + Inventory.count(total, "file") + " to " + where + "."
                : "Moved " + moved + " of " + Inventory.count(total, "file") + " to " + where + " before stopping.";
    }

    @Override
    public String describeUndo(StepContext ctx) {
        Journal j = ctx.journalOf(StepName.ARCHIVE);
        if (j.get("archivedAt").isEmpty()) {
            return "Nothing to undo.";
        }
        boolean did = ctx.journal().get(UNDONE).isPresent();
        int moved = moved(j);
        if (!did && j.get("manifest.sha256").isPresent()) {
            try {
                moved = inArchive(manifest(j, false)).size();
            } catch (Problem unreadable) {
                // --status still answers from the journal alone; the undo itself will say what is wrong
            }
        }
        String back = shownMigrations();
        String folder = layout.archiveFolder() + "/";
        if (moved == 0) {
            return did ? "Removed the README and manifests from " + folder + "; no file had been moved."
                    : "Removes the README and manifests from " + folder + "; no file was moved.";
        }
        String files = moved == 1 ? "the file" : "the " + moved + " files";
        return did
                ? "Moved " + files + " back to " + back + ", each verified against " + ArchiveManifest.SUMS_NAME
                        + ", and removed the archive folder. The bundle " + BUNDLE + " stays in the run folder."
                : "Moves " + files + " back to " + back + ", each verified against " + ArchiveManifest.SUMS_NAME
                        + ", and removes the archive folder. The bundle " + BUNDLE + " stays in the run folder.";
    }

    /**
     * The shell commands that undo this step by hand, for the rollback runbook: run from the project
     * root; a {@code sha256sum -c} check, then {@code mkdir -p} and {@code mv} lines (newest first),
     * then the removal of the README, the manifests and the emptied folders. Empty when nothing was
     * archived.
     */
    @Override
    public List<String> manualUndo(StepContext ctx) {
        Journal j = ctx.journalOf(StepName.ARCHIVE);
        if (j.get("manifest.sha256").isEmpty()) {
            return List.of();
        }
        ArchiveManifest m = manifest(j, false);
        return HandUndo.commands(m, inArchive(m), Boolean.parseBoolean(j.get("folderCreated").orElse("false")));
    }

    /**
     * The manifest, from the run folder's copy or else the archive folder's, whichever still has the
     * hash the journal recorded.
     */
    private ArchiveManifest manifest(Journal j, boolean forward) {
        String sha = j.get("manifest.sha256").orElseThrow();
        if (sha.equals(cachedSha)) {
            return cached;
        }
        for (Path p : List.of(inputs.runFolder().root().resolve(MANIFEST_COPY), layout.archiveDir().resolve(ArchiveManifest.JSON_NAME))) {
            try {
                if (Files.isRegularFile(p) && Sha256.ofFile(p).equals(sha)) {
                    cached = ManifestCodec.parse(Files.readString(p, StandardCharsets.UTF_8));
                    cachedSha = sha;
                    return cached;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String what = "The archive's manifest is gone or changed: neither " + MANIFEST_COPY + " in the run folder nor "
                + layout.archiveFolder() + "/" + ArchiveManifest.JSON_NAME + " has the SHA-256 the journal recorded.";
        String fix = "Restore either file from a copy (version control holds the archive folder's), then run "
                + (forward ? "--resume" : "--rollback") + " again.";
        throw forward
                ? Problem.stepFailed(what).why("The manifest is the list of what moves where; without it no move can be verified.")
                        .fix(fix).state("Nothing was moved by this attempt.").build()
                : Moves.undoRefused(what, fix, "Nothing was moved back by this attempt.");
    }

    private String shownMigrations() {
        return layout.migrationsFolder().isEmpty() ? "the project root" : layout.migrationsFolder() + "/";
    }

    /**
     * Files moved: all once {@code moved} is written, else those before the last intent, and that one
     * when it reached the archive.
     */
    private int moved(Journal j) {
        if (j.get("moved").isPresent()) {
            return Integer.parseInt(j.get("moved").get());
        }
        return intent(j).map(in -> in.n() + (Files.exists(layout.resolve(in.to()), LinkOption.NOFOLLOW_LINKS) ? 1 : 0))
                .orElse(0);
    }

    private static Optional<Intent> intent(Journal j) {
        return j.get("move").map(s -> read(s, Intent.class));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundle as the README and messages show it: project-relative when inside the project. */
    private String bundleShown() {
        Path abs = inputs.runFolder().root().resolve(BUNDLE).toAbsolutePath().normalize();
        return abs.startsWith(layout.projectRoot()) ? layout.relative(abs) : "<run folder>/" + BUNDLE;
    }
}
