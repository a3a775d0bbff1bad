package dev.consolidate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consolidate.catalog.parity.EnvironmentCapture;
import dev.consolidate.catalog.read.CatalogReader;
import dev.consolidate.db.ConnectionResolver;
import dev.consolidate.drift.DriftCheck;
import dev.consolidate.drift.ReplayedCatalog;
import dev.consolidate.replay.EnvironmentSetup;
import dev.consolidate.history.ToolRegistry;
import dev.consolidate.plan.Planner;
import dev.consolidate.plan.ScratchRehearsal;
import dev.consolidate.problem.ExitCode;
import dev.consolidate.replay.Replayer;
import dev.consolidate.steps.FaultHook;
import dev.consolidate.sql.SqlSplitter;
import java.nio.file.Path;
import java.time.Clock;
import dev.consolidate.problem.Problem;
import dev.consolidate.settings.Mode;
import dev.consolidate.settings.Settings;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Entry point: parse, merge settings, run one mode, turn every outcome into an exit code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** The whole command, testable: returns the exit code instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (Arrays.asList(args).contains("--verbose")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.org.springframework.batch", "info");
            System.setProperty("org.slf4j.simpleLogger.log.org.testcontainers", "info");
        }
        ConsolidateCommand command = new ConsolidateCommand();
        CommandLine cl = new CommandLine(command);
        cl.getCommandSpec().usageMessage().footer(footer());
        try {
            cl.parseArgs(args);
        } catch (ParameterException e) {
            err.println("consolidate: " + e.getMessage());
            err.println("Run consolidate --help for the options and examples.");
            return ExitCode.USAGE.code();
        }
        if (cl.isUsageHelpRequested()) {
            cl.usage(out, CommandLine.Help.Ansi.OFF);
            return ExitCode.SUCCESS.code();
        }
        if (cl.isVersionHelpRequested()) {
            cl.printVersionHelp(out);
            return ExitCode.SUCCESS.code();
        }
        boolean verbose = Boolean.TRUE.equals(command.verbose);
        boolean json = Boolean.TRUE.equals(command.json);
        Console console = new Console(out, err, Console.colorWanted(Boolean.TRUE.equals(command.noColor), env),
                System.console() != null);
        try {
            Settings settings = new SettingsFactory(env).build(command);
            verbose = settings.verbose();
            json = settings.json();
            console = new Console(out, err, settings.color(), System.console() != null);
            JobProjectCopy.prepare(settings);
            return runners(env).get(settings.mode()).run(settings, console).code();
        } catch (Problem p) {
            report(console, p, json, verbose);
            return p.exitCode().code();
        } catch (RuntimeException e) {
            err.println("consolidate: internal error: " + e);
            if (verbose) {
                e.printStackTrace(err);
            } else {
                err.println("Run again with --verbose for the stack trace, and report it.");
            }
            return ExitCode.INTERNAL.code();
        }
    }

    private static Map<Mode, ModeRunner> runners(Map<String, String> env) {
        Map<Mode, ModeRunner> m = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            m.put(mode, new NotAvailableYet(mode));
        }
        Clock clock = dev.consolidate.steps.PinnedClock.fromEnvironment(env);
        SqlSplitter splitter = new SqlSplitter();
        ProductionOpener production = new ProductionOpener(new ConnectionResolver(env, Path.of(System.getProperty("user.home"))), clock);
        Replayer replayer = new Replayer(splitter, clock);
        CatalogReader reader = new CatalogReader();
        ReplayedCatalog replayed = new ReplayedCatalog(replayer, new EnvironmentCapture(new EnvironmentSetup(splitter, clock), reader), reader);
        m.put(Mode.PLAN, new PlanRunner(new Planner(ToolRegistry.standard(), splitter, clock), production::open,
                new ScratchRehearsal(replayer, replayed, new DriftCheck(reader))));
        JobCommand job = new JobCommand(production::open, FaultHook.fromEnvironment(env), clock);
        for (Mode mode : new Mode[] {Mode.EXECUTE, Mode.RESUME, Mode.ROLLBACK, Mode.STATUS}) {
            m.put(mode, job);
        }
        m.put(Mode.RESTORE, new RestoreRunner(new ConnectionResolver(env, Path.of(System.getProperty("user.home")))));
        m.put(Mode.CHECK, new CheckRunner(new dev.consolidate.check.DriftGate(replayer, replayed, new DriftCheck(reader), clock), ToolRegistry.standard(), production, new ConnectionResolver(env, Path.of(System.getProperty("user.home")))));
        return m;
    }

    private static void report(Console console, Problem p, boolean json, boolean verbose) {
        console.error(console.red("consolidate: " + p.what()));
        String rest = p.render().substring(p.what().length());
        if (!rest.isEmpty()) {
            console.error(rest.substring(1));
        }
        if (verbose && p.getCause() != null) {
            p.getCause().printStackTrace(console.err());
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            ObjectNode e = root.putObject("error");
            e.put("exitCode", p.exitCode().code());
            e.put("what", p.what());
            e.put("why", p.why());
            e.put("fix", p.fix());
            e.put("state", p.state());
            console.line(root.toPrettyString());
        }
    }

    private static String footer() {
        return ExitCode.table()
                + "%nSettings can also come from a job file (--job): \"key = value\" lines with the long option "
                + "names as keys (see README.md, \"Job files\"). The command line wins over the file.%n";
    }
}
