package dev.consolidate.job;

import dev.consolidate.fs.AtomicFiles;
import dev.consolidate.problem.Problem;
import dev.consolidate.steps.Journal;
import dev.consolidate.steps.Progress;
import dev.consolidate.steps.ProtocolStep;
import dev.consolidate.steps.StepContext;
import dev.consolidate.steps.StepName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A protocol step for exercising the job machinery: writes {@code count} files one per checkpoint,
 * journaling each before creating it, and deletes them on undo.
 */
final class FileWritingStep implements ProtocolStep {
    private final StepName name;
    private final Path dir;
    private final int count;
    private final AtomicInteger failuresLeft;

    FileWritingStep(StepName name, Path dir, int count, int failFirstTimes) {
        this.name = name;
        this.dir = dir;
        this.count = count;
        this.failuresLeft = new AtomicInteger(failFirstTimes);
    }

    @Override
    public StepName name() {
        return name;
    }

    @Override
    public Progress execute(StepContext ctx) throws Exception {
        Journal j = ctx.journal();
        int next = Integer.parseInt(j.get("next").orElse("0"));
        if (next >= count) {
            return Progress.DONE;
        }
        if (next == 1 && failuresLeft.getAndDecrement() > 0) {
            throw Problem.stepFailed("disk said no while writing " + file(next).getFileName())
                    .why("test failure").fix("try again").state("file " + next + " not written.").build();
        }
        Path f = file(next);
        j.record("intent." + next, f.getFileName().toString());
        ctx.faultPoint(name.id() + ":before:" + next);
        AtomicFiles.writeString(f, name.id() + " " + next + "\n");
        ctx.faultPoint(name.id() + ":written:" + next);
        j.record("next", Integer.toString(next + 1));
        ctx.progress("file " + (next + 1) + "/" + count);
        return next + 1 >= count ? Progress.DONE : Progress.MORE;
    }

    @Override
    public void compensate(StepContext ctx) throws Exception {
        Journal forward = ctx.journalOf(name);
        for (int i = 0; i < count; i++) {
            if (forward.get("intent." + i).isPresent()) {
                ctx.faultPoint("undo-" + name.id() + ":before:" + i);
                Files.deleteIfExists(file(i));
                ctx.journal().record("deleted." + i, "yes");
            }
        }
    }

    @Override
    public String describeDone(StepContext ctx) {
        return "wrote " + ctx.journalOf(name).get("next").orElse("0") + " of " + count + " files";
    }

    @Override
    public String describeUndo(StepContext ctx) {
        return "deletes the files it wrote";
    }

    private Path file(int i) {
        return dir.resolve(name.id() + "-" + i + ".txt");
    }
}
