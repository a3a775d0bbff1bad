package dev.consolidate.steps;

import dev.consolidate.scratch.OpenedScratch;
import dev.consolidate.scratch.ScratchServer;
import dev.consolidate.scratch.ScratchServers;
import dev.consolidate.scratch.ScratchSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The scratch server of one invocation, opened on first use (a resumed run that only has the
 * archive left never starts one) and shared by the steps that need it; closed when the run ends.
 */
public final class ScratchAccess implements AutoCloseable {
    private final ScratchSpec spec;
    private final OptionalInt productionMajor;
    private final List<String> notices = new ArrayList<>();
    private OpenedScratch opened;

    public ScratchAccess(ScratchSpec spec, OptionalInt productionMajor) {
        this.spec = spec;
        this.productionMajor = productionMajor;
    }

    public synchronized ScratchServer server() {
        if (opened == null) {
            opened = ScratchServers.open(spec, productionMajor);
            notices.addAll(opened.notices());
        }
        return opened.server();
    }

    /** What opening the server said (a major different from production's, reaped databases). */
    public synchronized List<String> notices() {
        return List.copyOf(notices);
    }

    @Override
    public synchronized void close() {
        if (opened != null) {
            opened.close();
            opened = null;
        }
    }
}
