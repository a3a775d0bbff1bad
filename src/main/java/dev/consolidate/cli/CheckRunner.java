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
 * --check: replays the history and compares it with production (--db-url) or another history
 * (--against); writes CHECK.md and check.json, and with --emit-verify-sql the psql verify script.
 * Exit 0 when equal, 4 when not. Writes nothing to any database and nothing into the projects
 * except the report folder.
 */
final class CheckRunner implements ModeRunner {
    private final DriftGate gate;
    private final ToolRegistry tools;
    private final ConnectionResolver resolver;

    CheckRunner(DriftGate gate, ToolRegistry tools, ConnectionResolver resolver) {
        this.gate = gate;
        this.tools = tools;
        this.resolver = resolver;
    }

    @Override
    public ExitCode run(Settings s, Console console) {
        if (s.productionStandIn()) {
            throw Problem.usage("--check does not start an embedded production stand-in.")
                    .why("The check is a read-only gate: it compares with a production you name, or with another history.")
                    .fix("Give --db-url (or DATABASE_URL), or --against <project folder>.")
                    .state("Nothing was changed.")
                    .build();
        }
        HistoryInput history = HistoryInput.resolve(tools, s.dir(), s.tool(), s.migrations(), s.profile(), s.bootstrap(),
                s.sessionSettings());
        CheckTarget target = target(s);
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

    private CheckTarget target(Settings s) {
        if (s.against() != null) {
            if (s.dbUrl() != null) {
                throw Problem.usage("--against and --db-url both name what to compare with.")
                        .why("A check compares the history with production or with another history, not both at once.")
                        .fix("Drop one of them (run two checks to compare with both).")
                        .state("Nothing was changed.")
                        .build();
            }
            return new CheckTarget.OtherHistory(HistoryInput.resolve(tools, s.against(), s.againstTool(), null, null, null, Map.of()));
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
