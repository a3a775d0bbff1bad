package dev.consolidate.history;

import dev.consolidate.problem.Problem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbmate's reading of a migration file: the up block runs from the "-- migrate:up" line (included,
 * it is a comment) to the "-- migrate:down" line; options such as transaction:false sit on the
 * marker line; nothing but comments and blank lines may come before the up marker.
 *
 * @param up            the up block as dbmate executes it
 * @param startLine     the file line on which it begins
 * @param transactional false when the up marker says transaction:false
 */
record DbmateSections(String up, int startLine, boolean transactional) {
    private static final Pattern UP = Pattern.compile("(?m)^--\\s*migrate:up(\\s*$|\\s+\\S+)");
    private static final Pattern DOWN = Pattern.compile("(?m)^--\\s*migrate:down(\\s*$|\\s+\\S+)");
    private static final Pattern OPTION = Pattern.compile("(\\S+):(\\S+)");

    static DbmateSections parse(String relative, String text) {
        Matcher up = UP.matcher(text);
        if (!up.find()) {
            throw refused(relative, "has no \"-- migrate:up\" line", "dbmate requires each migration to define an up block");
        }
        Matcher down = DOWN.matcher(text);
        int end = text.length();
        if (down.find()) {
            if (down.start() < up.start()) {
                throw refused(relative, "has \"-- migrate:down\" before \"-- migrate:up\"", "dbmate requires up before down");
            }
            end = down.start();
        }
        for (String line : text.substring(0, up.start()).split("\n", -1)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("--")) {
                throw refused(relative, "has SQL before \"-- migrate:up\"", "dbmate does not run statements preceding the up block");
            }
        }
        int lineEnd = text.indexOf('\n', up.start());
        String markerLine = text.substring(up.start(), lineEnd < 0 ? text.length() : lineEnd);
        boolean transactional = true;
        Matcher o = OPTION.matcher(markerLine.substring(markerLine.indexOf("migrate:up") + "migrate:up".length()));
        while (o.find()) {
            if (o.group(1).equals("transaction") && o.group(2).equals("false")) {
                transactional = false;
            }
        }
        int line = 1;
        for (int i = 0; i < up.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new DbmateSections(text.substring(up.start(), end), line, transactional);
    }

    private static Problem refused(String relative, String what, String why) {
        return Problem.usage(relative + " " + what + ".")
                .why(why + ", so it cannot be a migration dbmate applied.")
                .fix("Correct the file to dbmate's layout (\"-- migrate:up\" first, then \"-- migrate:down\"), then run the command again.")
                .state("Nothing was changed: files were only read.")
                .build();
    }
}
