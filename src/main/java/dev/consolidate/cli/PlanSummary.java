package dev.consolidate.cli;

import dev.consolidate.plan.Plan;
import dev.consolidate.run.RunFolder;
import java.nio.file.Path;

/** The short summary --plan prints; PLAN.md holds the rest. */
final class PlanSummary {
    private final Console console;

    PlanSummary(Console console) {
        this.console = console;
    }

    void print(Plan p, RunFolder folder, Path projectRoot, Path job) {
        console.line(console.bold("Plan " + p.planId()) + " for the " + p.project().tool() + " history in "
                + p.project().folder() + " (" + p.migrations().size() + " files)");
        row("production", p.production().address() + ", PostgreSQL " + p.production().serverVersion()
                + (p.production().standIn() ? " (embedded stand-in)" : ""));
        row("baseline", p.baseline().path() + " (version " + p.baseline().version() + ", from "
                + ("production".equals(p.source()) ? "production's catalog" : "the replayed history") + ")");
        row("archive", p.migrations().size() + " files -> " + p.archive().folder() + "/");
        if (p.historyChange() != null) {
            row("history", String.join(" ", p.historyChange().description()));
        }
        if (p.scratch().description() != null) {
            row("scratch", p.scratch().description());
        }
        p.scratch().notices().forEach(n -> row("note", n));
        if (p.drift() != null && p.drift().compared()) {
            row("drift", p.drift().equal() ? "none: production matches the history"
                    : console.yellow(count(p.drift().onlyInProduction().size() + p.drift().onlyInHistory().size()
                    + p.drift().different().size(), "object differs", "objects differ") + " between production and the history (see PLAN.md)"));
        }
        if (!p.dataStatements().isEmpty()) {
            long carried = p.dataStatements().stream().filter(Plan.DataStatement::carried).count();
            row("data", console.yellow(p.dataStatements().size() + (p.dataStatements().size() == 1 ? " statement changes" : " statements change")
                    + " rows: " + carried + " carried beside the baseline, " + (p.dataStatements().size() - carried)
                    + " reported (see PLAN.md)"));
        }
        if (!p.codeMigrations().isEmpty()) {
            row("code", console.yellow(p.codeMigrations().size() + " code migration" + (p.codeMigrations().size() == 1 ? "" : "s")
                    + " an SQL replay cannot see: parity cannot cover " + (p.codeMigrations().size() == 1 ? "it" : "them")));
        }
        Path shown = folder.root().startsWith(projectRoot) ? projectRoot.relativize(folder.root()) : folder.root();
        console.line("Wrote " + shown.resolve("plan.json") + " and PLAN.md. Nothing else was changed.");
        console.line("Next: read PLAN.md, then consolidate " + (job == null ? "" : "--job " + job + " ") + "--execute"
                + (folder.root().startsWith(projectRoot.resolve(RunFolder.PARENT)) ? "" : " --run-dir " + folder.root()));
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private void row(String label, String text) {
        console.line(String.format("  %-11s %s", label, text));
    }
}
