package dev.consolidate.plan;

import dev.consolidate.sql.Statement;
import dev.consolidate.sql.StatementTrait;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a statement that changes rows by its command and target only ("INSERT INTO storage.buckets"),
 * never by its values: migrations carry secrets, and plans are shared.
 */
final class DataStatementScan {
    private static final String NAME = "((?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*))?)";
    private static final Pattern TARGET = Pattern.compile(
            "^(?:WITH\\b.*?\\)\\s*)?(INSERT\\s+INTO|UPDATE(?:\\s+ONLY)?|DELETE\\s+FROM(?:\\s+ONLY)?|MERGE\\s+INTO|TRUNCATE(?:\\s+TABLE)?(?:\\s+ONLY)?|COPY)\\s+"
                    + NAME, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private DataStatementScan() {
    }

    static Optional<Plan.DataStatement> of(String path, Statement s) {
        if (!s.has(StatementTrait.DATA_CHANGE)) {
            return Optional.empty();
        }
        Matcher m = TARGET.matcher(s.text());
        String command;
        String target = null;
        if (m.find()) {
            command = m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            target = m.group(2).replaceAll("\\s+", "");
        } else {
            command = firstWord(s.text());
        }
        return Optional.of(new Plan.DataStatement(path, s.line(), command, target));
    }

    private static String firstWord(String text) {
        String t = text.stripLeading();
        int end = 0;
        while (end < t.length() && Character.isLetter(t.charAt(end))) {
            end++;
        }
        return t.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
