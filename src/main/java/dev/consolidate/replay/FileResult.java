package dev.consolidate.replay;

import java.time.Duration;
import java.util.List;

/**
 * One replayed file.
 *
 * @param path       the file, relative to the project root
 * @param version    the tool's version of it (null for a Flyway repeatable or a bootstrap)
 * @param statements how many statements ran
 * @param mode       how they were wrapped
 * @param duration   wall time of the file
 * @param notices    the server's NOTICE / WARNING messages, in order (capped per file; see
 *                   {@code droppedNotices})
 * @param droppedNotices how many notices beyond the cap were counted but not kept
 */
public record FileResult(String path, String version, int statements, FileMode mode, Duration duration,
                         List<ServerNotice> notices, int droppedNotices) {
    public FileResult {
        notices = List.copyOf(notices);
    }

    /** Whether the server warned (not merely noticed) while the file ran. */
    public boolean warned() {
        return notices.stream().anyMatch(n -> "WARNING".equals(n.severity()));
    }
}
