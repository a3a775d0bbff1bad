package dev.consolidate.steps;

import dev.consolidate.problem.Problem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The run's clock. For tests only: when the environment variable CONSOLIDATE_CLOCK holds an
 * ISO-8601 instant, every timestamp a run writes is that instant, so that an interrupted and
 * resumed run can be compared byte for byte with an uninterrupted one. Unset in normal use: the
 * system clock (UTC).
 */
public final class PinnedClock {
    public static final String VARIABLE = "CONSOLIDATE_CLOCK";

    private PinnedClock() {
    }

    public static Clock fromEnvironment(Map<String, String> env) {
        String pinned = env.get(VARIABLE);
        if (pinned == null || pinned.isBlank()) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(Instant.parse(pinned.trim()), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw Problem.usage(VARIABLE + "=" + pinned + " is not an ISO-8601 instant.")
                    .why(VARIABLE + " pins the run's clock for tests, e.g. 2024-06-03T09:15:30Z.")
                    .fix("Unset " + VARIABLE + " (it is meant for tests only) or give an instant such as 2024-06-03T09:15:30Z.")
                    .state("Nothing was changed.")
                    .build();
        }
    }
}
