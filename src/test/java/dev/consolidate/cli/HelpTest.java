package dev.consolidate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.testsupport.CommandLine;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** --help shows every option with an example, and the exit-code table. */
class HelpTest {
    private static final Pattern OPTION = Pattern.compile("^\\s+(?:-\\w, )?--(?:\\[no-])?([a-z][a-z-]*)", Pattern.MULTILINE);

    @Test
    void everyOptionHasAnExampleAndTheExitCodesAreListed() {
        CommandLine.Run help = CommandLine.run("--help");
        assertEquals(0, help.exitCode(), help.all());
        String text = help.out();
        String examples = text.substring(text.indexOf("Examples:"), text.indexOf("Modes (exactly one) and options:"));
        String options = text.substring(text.indexOf("Modes (exactly one) and options:"), text.indexOf("Exit codes:"));

        TreeSet<String> names = new TreeSet<>();
        Matcher m = OPTION.matcher(options);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertTrue(names.size() > 30, names.toString());
        List<String> without = new ArrayList<>();
        for (String name : names) {
            if (name.equals("help") || name.equals("version")) {
                continue;
            }
            boolean inline = Pattern.compile("Example:[^\\n]*(\\n {31}[^\\n]*)*--(no-)?" + Pattern.quote(name) + "\\b").matcher(options).find();
            boolean listed = Pattern.compile("--(no-)?" + Pattern.quote(name) + "\\b").matcher(examples).find();
            if (!inline && !listed) {
                without.add("--" + name);
            }
        }
        assertEquals(List.of(), without, "options without an example");
        for (String code : List.of("0  success", "2  usage", "3  precondition", "4  parity or drift", "5  a step failed", "6  manual")) {
            assertTrue(text.contains(code), code);
        }
    }
}
