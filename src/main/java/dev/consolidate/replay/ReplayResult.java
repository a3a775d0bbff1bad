package dev.consolidate.replay;

import java.time.Duration;
import java.util.List;

/**
 * A history replayed without error into a scratch database.
 *
 * @param database            the scratch database that holds the result
 * @param serverVersion       the scratch server's version, e.g. "15.14"
 * @param environment         what the environment step put there first
 * @param environmentDuration wall time of the environment step
 * @param files               one result per migration, in replay order
 * @param duration            wall time of the whole replay, environment included
 */
public record ReplayResult(String database, String serverVersion, Environment environment, Duration environmentDuration,
                           List<FileResult> files, Duration duration) {
    public ReplayResult {
        files = List.copyOf(files);
    }

    public int statements() {
        return files.stream().mapToInt(FileResult::statements).sum();
    }

    /** Every file whose run left a NOTICE or WARNING, for the report. */
    public List<FileResult> filesWithNotices() {
        return files.stream().filter(f -> !f.notices().isEmpty()).toList();
    }
}
