package dev.consolidate.cli;

import java.io.PrintStream;

/**
 * The terminal: plain lines when output is not a terminal, colour only when wanted (never with
 * --no-color or NO_COLOR).
 */
public final class Console {
    private static final String RESET = "\u001b[0m";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean color;
    private final boolean interactive;

    public Console(PrintStream out, PrintStream err, boolean color, boolean interactive) {
        this.out = out;
        this.err = err;
        this.color = color;
        this.interactive = interactive;
    }

    /** Colour is used only on a real terminal and when neither --no-color nor NO_COLOR says otherwise. */
    public static boolean colorWanted(boolean noColorOption, java.util.Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return !noColorOption && (noColor == null || noColor.isEmpty()) && System.console() != null
                && !"dumb".equals(env.get("TERM"));
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public boolean interactive() {
        return interactive;
    }

    public void line(String text) {
        out.println(text);
    }

    public void error(String text) {
        err.println(text);
    }

    public String bold(String s) {
        return paint("1", s);
    }

    public String red(String s) {
        return paint("31", s);
    }

    public String green(String s) {
        return paint("32", s);
    }

    public String yellow(String s) {
        return paint("33", s);
    }

    private String paint(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + RESET : s;
    }
}
