package dev.consolidate.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement that changes rows, named by its command and target only ("INSERT INTO
 * storage.buckets"), never by its values: migrations carry secrets, and plans and reports are shared.
 *
 * @param command the leading keywords: INSERT INTO, UPDATE, DELETE FROM, MERGE INTO, TRUNCATE, COPY
 * @param target  the relation it changes as written, or null when it cannot be read off the text
 */
public record DataChange(String command, String target) {
    private static final String NAME = "((?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*))?)";
    private static final Pattern TARGET = Pattern.compile(
            "^(?:WITH\\b.*?\\)\\s*)?(INSERT\\s+INTO|UPDATE(?:\\s+ONLY)?|DELETE\\s+FROM(?:\\s+ONLY)?|MERGE\\s+INTO|TRUNCATE(?:\\s+TABLE)?(?:\\s+ONLY)?|COPY)\\s+"
                    + NAME, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** The data change a statement makes, if it has the {@link StatementTrait#DATA_CHANGE} trait. */
    public static Optional<DataChange> of(Statement s) {
        if (!s.has(StatementTrait.DATA_CHANGE)) {
            return Optional.empty();
        }
        Matcher m = TARGET.matcher(s.text());
        if (m.find()) {
            return Optional.of(new DataChange(m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " "),
                    m.group(2).replaceAll("\\s+", "")));
        }
        return Optional.of(new DataChange(firstWord(s.text()), null));
    }

    /** "INSERT INTO storage.buckets", or the command alone. */
    public String label() {
        return target == null ? command : command + " " + target;
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
