package dev.consolidate.cli;

import dev.consolidate.problem.ExitCode;
import dev.consolidate.settings.Settings;

/** What one mode does, given the merged settings; thin: the work happens in the engine packages. */
interface ModeRunner {
    ExitCode run(Settings settings, Console console);
}
