package dev.consolidate.history;

import dev.consolidate.problem.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tool's own refusal to apply anything, said before a row is computed: recording rows the
 * tool would never have written would hand the next run a history it cannot explain.
 */
final class ToolRefusal {
    private ToolRefusal() {
    }

    /** Throws when {@code blocking} holds anything; {@code command} is the tool's verb ("flyway migrate"). */
    static void check(String command, MigrationSet migrations, List<MigrationStatus> blocking) {
        if (blocking.isEmpty()) {
            return;
        }
        throw Problem.precondition(command + " would refuse to apply the migrations of " + display(migrations.folder()) + ": "
                        + blocking.stream().map(s -> s.label() + " (" + s.detail() + ")").collect(Collectors.joining("; ")) + ".")
                .why("The history table disagrees with the folder in a way the tool stops at before running anything,"
                        + " so there are no rows it would write.")
                .fix("Bring the history table and the folder into agreement (the tool's own status command names the"
                        + " cause), then try again.")
                .state("Nothing was changed: the history was only read.")
                .build();
    }

    private static String display(String folder) {
        return folder.isEmpty() ? "the project root" : folder;
    }
}
