package dev.consolidate.cli;

import dev.consolidate.history.Migration;
import dev.consolidate.replay.FileResult;
import dev.consolidate.replay.ReplayListener;

/** Replay progress on a terminal, rewritten in place; silent when output is not a terminal or is JSON. */
final class ConsoleReplayListener implements ReplayListener {
    private final Console console;
    private final boolean quiet;

    ConsoleReplayListener(Console console, boolean json) {
        this.console = console;
        this.quiet = json || !console.interactive();
    }

    @Override
    public void fileStarted(int number, int total, Migration migration) {
        if (!quiet) {
            String line = "replay " + number + "/" + total + " " + migration.path();
            console.err().print("\r" + (line.length() > 100 ? line.substring(0, 100) : String.format("%-100s", line)));
            console.err().flush();
        }
    }

    @Override
    public void fileFinished(int number, int total, FileResult result) {
        if (!quiet && number == total) {
            console.err().print("\r" + " ".repeat(100) + "\r");
            console.err().flush();
        }
    }
}
