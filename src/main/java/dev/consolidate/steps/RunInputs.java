package dev.consolidate.steps;

import dev.consolidate.plan.Plan;
import dev.consolidate.run.RunFolder;
import dev.consolidate.settings.Settings;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What every step of one execution is constructed with besides its own collaborators: the plan
 * it carries out, the run folder, the project, the settings of this invocation and the clock.
 *
 * @param plan        the plan read from plan.json (its fingerprint re-checked by preflight)
 * @param runFolder   where the step keeps its artifacts (never the project's migrations folder)
 * @param projectRoot the project root (absolute)
 * @param settings    this invocation's settings (--yes, --backup, ...)
 * @param clock       the run's clock: every timestamp a step writes comes from it
 */
public record RunInputs(Plan plan, RunFolder runFolder, Path projectRoot, Settings settings, Clock clock) {
}
