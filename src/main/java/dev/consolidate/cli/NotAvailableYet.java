package dev.consolidate.cli;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.settings.Mode;
import dev.consolidate.settings.Settings;

/** A mode whose engine is not in this build yet: a usage error, never a silent success. */
final class NotAvailableYet implements ModeRunner {
    private final Mode mode;

    NotAvailableYet(Mode mode) {
        this.mode = mode;
    }

    @Override
    public ExitCode run(Settings settings, Console console) {
        throw Problem.usage(mode.flag() + " is not available yet in this version.")
                .why("This build implements --plan; the other modes arrive in later versions.")
                .fix("Run consolidate --plan to see what a consolidation would do.")
                .state("Nothing was changed.")
                .build();
    }
}
