package dev.consolidate.execute;

import dev.consolidate.cli.Main;
import dev.consolidate.steps.FaultHook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real command line in a process of its own, so that a fault point can halt it like SIGKILL.
 * Its temporary directory is a test folder: anything a killed run leaves there (an embedded
 * server it started) is found and stopped by {@link #stopLeftovers}.
 */
final class Child {
    private static final long TIMEOUT_MINUTES = 10;

    private final Path tmpdir;

    Child(Path tmpdir) {
        this.tmpdir = tmpdir;
    }

    /** What the process printed and how it ended. */
    record Exit(int code, String output) {
        boolean halted() {
            return code == FaultHook.HALT_STATUS;
        }
    }

    /** Runs {@code consolidate args} with only NO_COLOR and {@code env} set from the consolidate variables. */
    Exit run(Map<String, String> env, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmpdir, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("CONSOLIDATE_") || k.startsWith("PG") || k.equals("DATABASE_URL"));
        pb.environment().put("NO_COLOR", "1");
        pb.environment().putAll(env);
        try {
            Files.createDirectories(tmpdir);
            Path log = Files.createTempFile(tmpdir, "child", ".log");
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("consolidate " + args + " did not end in " + TIMEOUT_MINUTES + " minutes:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            return new Exit(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops every PostgreSQL server whose data directory is below the children's temporary
     * directory (a killed child cannot stop its own) and returns how many there were.
     */
    int stopLeftovers() {
        if (!Files.isDirectory(tmpdir)) {
            return 0;
        }
        List<Path> pids;
        try (Stream<Path> walk = Files.walk(tmpdir)) {
            pids = walk.filter(p -> p.getFileName().toString().equals("postmaster.pid")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int stopped = 0;
        for (Path pidFile : pids) {
            try {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                var handle = ProcessHandle.of(pid);
                if (handle.isPresent() && handle.get().isAlive()) {
                    // SIGTERM: with its client dead the server shuts down at once, taking its backends along.
                    handle.get().destroy();
                    try {
                        handle.get().onExit().get(30, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        handle.get().destroyForcibly();
                    }
                    stopped++;
                }
            } catch (Exception e) {
                // a pid file of a server already gone, or unreadable: nothing running to stop
            }
        }
        return stopped;
    }
}
