package dev.consolidate.cli;

import dev.consolidate.job.JobProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Job progress: on a terminal one line rewritten in place (step, detail, elapsed); otherwise plain
 * lines at each step's start and end, so logs stay readable.
 */
final class ConsoleJobProgress implements JobProgress {
    private final Console console;
    private final boolean quiet;
    private final Clock clock;
    private final Instant start;
    private String current = "";

    ConsoleJobProgress(Console console, boolean quiet, Clock clock) {
        this.console = console;
        this.quiet = quiet;
        this.clock = clock;
        this.start = clock.instant();
    }

    @Override
    public void stepStarted(int number, int total, String step, boolean undo) {
        current = "[" + number + "/" + total + "] " + step;
        if (quiet) {
            return;
        }
        if (console.interactive()) {
            rewrite(current);
        } else {
            console.err().println(current + " ...");
        }
    }

    @Override
    public void detail(String step, String detail) {
        if (!quiet && console.interactive()) {
            rewrite(current + ": " + detail);
        }
    }

    @Override
    public void stepFinished(String step, String status, Duration took) {
        if (quiet) {
            return;
        }
        String line = current + " " + status.toLowerCase(java.util.Locale.ROOT) + " in " + seconds(took) + " (elapsed "
                + seconds(Duration.between(start, clock.instant())) + ")";
        if (console.interactive()) {
            rewrite(line);
            console.err().println();
        } else {
            console.err().println(line);
        }
    }

    private void rewrite(String line) {
        String l = line.length() > 110 ? line.substring(0, 110) : line;
        console.err().print("\r" + String.format("%-110s", l));
        console.err().flush();
    }

    private static String seconds(Duration d) {
        return String.format("%.1fs", d.toMillis() / 1000.0);
    }
}
