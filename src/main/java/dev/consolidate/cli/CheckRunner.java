package dev.consolidate.cli;

import dev.consolidate.catalog.diff.ComparisonRules;
import dev.consolidate.check.CheckFiles;
import dev.consolidate.check.CheckJson;
import dev.consolidate.check.CheckReport;
import dev.consolidate.check.CheckTarget;
import dev.consolidate.check.DriftGate;
import dev.consolidate.check.HistoryInput;
import dev.consolidate.check.ReplayFinding;
import dev.consolidate.check.VerifyScript;
import dev.consolidate.db.ConnectionResolver;
import dev.consolidate.db.ConnectionSpec;
import dev.consolidate.db.Production;
import dev.consolidate.drift.DriftCheck;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.problem.Problem;
import dev.consolidate.scratch.ScratchSpec;
import dev.consolidate.settings.Settings;
import java.util.Map;
import java.util.Optional;

/**
 * --check: replays the history and compares it with production (--db-url, or a job's embedded
 * stand-in) or with another history (--against); writes CHECK.md and check.json, and with
 * --emit-verify-sql the psql verify script. With nothing to compare with, --emit-verify-sql alone
 * replays the history and writes the script. Exit 0 when equal, 4 when not. Writes nothing to any
 * database and nothing into the projects except the report folder.
 */
final class CheckRunner implements ModeRunner {
    private final DriftGate gate;
    private final ToolRegistry tools;
    private final ProductionOpener production;
    private final ConnectionResolver resolver;

    /** {@code production} opens a job's stand-in; {@code resolver} finds a production named by the settings, if any. */
    CheckRunner(DriftGate gate, ToolRegistry tools, ProductionOpener production, ConnectionResolver resolver) {
        this.gate = gate;
        this.tools = tools;
        this.production = production;
        this.resolver = resolver;
    }

    @Override
    public ExitCode run(Settings s, Console console) {
        HistoryInput history = HistoryInput.resolve(tools, s.dir(), s.tool(), s.migrations(), s.profile(), s.bootstrap(),
                s.sessionSettings());
        refuseTwoTargets(s);
        // A job's stand-in runs only while the check does; try-with-resources skips a null resource.
        try (ProductionOpener.Opened standIn = s.productionStandIn() && s.against() == null ? production.open(s) : null) {
            return check(s, console, history, target(s, standIn));
        }
    }

    private ExitCode check(Settings s, Console console, HistoryInput history, CheckTarget target) {
        ComparisonRules rules = s.noOwner() ? ComparisonRules.standard().withoutOwners() : ComparisonRules.standard();
        DriftGate.Outcome outcome = gate.check(new DriftGate.Request(history, target, ScratchSpec.parse(s.scratch()), rules),
                new ConsoleReplayListener(console, s.json()));
        CheckReport report = outcome.report();
        CheckFiles files = s.runDir() != null ? new CheckFiles(s.runDir()) : CheckFiles.defaultFor(history.project().projectRoot());
        files.write(report);
        String script = null;
        if (s.emitVerifySql() != null && outcome.baseline().isPresent()) {
            VerifyScript.write(s.emitVerifySql(), outcome.baseline().get(),
                    new VerifyScript.Origin(history.label(), history.migrations().migrations().size(), outcome.major()));
            script = "Verify script: " + s.emitVerifySql() + " (run it with psql -X -f)";
        } else if (s.emitVerifySql() != null) {
            script = "Verify script not written: " + history.label() + " does not replay, so it has no catalog to verify against.";
        }
        if (s.json()) {
            console.line(CheckJson.text(report).stripTrailing());
            if (script != null) {
                console.error(script);
            }
        } else {
            print(console, report, files, script);
        }
        return report.verdict().exitCode();
    }

    private static void refuseTwoTargets(Settings s) {
        if (s.against() != null && s.dbUrl() != null) {
            throw Problem.usage("--against and --db-url both name what to compare with.")
                    .why("A check compares the history with production or with another history, not both at once.")
                    .fix("Drop one of them (run two checks to compare with both).")
                    .state("Nothing was changed.")
                    .build();
        }
    }

    /** --against, else the job's stand-in, else --db-url / DATABASE_URL / PG*, else only the verify script. */
    private CheckTarget target(Settings s, ProductionOpener.Opened standIn) {
        if (s.against() != null) {
            return new CheckTarget.OtherHistory(HistoryInput.resolve(tools, s.against(), s.againstTool(), null, null, null, Map.of()));
        }
        if (standIn != null) {
            return new CheckTarget.ProductionDatabase(standIn.source().access());
        }
        Optional<ConnectionSpec> spec = resolver.resolve(s.dbUrl());
        if (spec.isPresent()) {
            return new CheckTarget.ProductionDatabase(new Production(spec.get()));
        }
        if (s.emitVerifySql() != null) {
            return new CheckTarget.Nothing();
        }
        throw Problem.usage("Nothing to compare the history with.")
                .why("--check compares the history with production or with another history; neither is given.")
                .fix("Pass --db-url postgresql://USER@HOST:5432/DB (or set DATABASE_URL or the PG* variables), or "
                        + "--against <other project> [--against-tool TOOL]; or only --emit-verify-sql FILE to write the verify script.")
                .state("Nothing was changed.")
                .build();
    }

    private static void print(Console console, CheckReport r, CheckFiles files, String script) {
        String head = "Check: " + r.verdict().word() + ". " + r.verdictLine();
        console.line(r.verdict() == dev.consolidate.check.Verdict.DRIFT ? console.red(head) : console.green(head));
        for (ReplayFinding f : r.replayFailures()) {
            console.line("  does not replay: " + f.location() + " (" + f.history() + "): " + f.message());
        }
        if (r.diff() != null) {
            String b = r.actual().label();
            DriftCheck.lines(r.diff(), r.expected().label(), b).forEach(l -> console.line("  " + l));
        }
        r.notes().forEach(n -> console.line("Note: " + n));
        console.line("Report: " + files.markdown() + " and " + files.json().getFileName());
        if (script != null) {
            console.line(script);
        }
    }
}
