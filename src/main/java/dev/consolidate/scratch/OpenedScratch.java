package dev.consolidate.scratch;

import java.util.List;

/**
 * A scratch server ready for work, with what the user should be told about it (a major that
 * differs from production's, databases reaped from an interrupted run). Closing stops a server
 * the tool started and leaves one it was pointed at running.
 */
public record OpenedScratch(ScratchServer server, List<String> notices) implements AutoCloseable {
    public OpenedScratch {
        notices = List.copyOf(notices);
    }

    @Override
    public void close() {
        server.close();
    }
}
