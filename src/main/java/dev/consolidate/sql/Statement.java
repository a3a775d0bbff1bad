package dev.consolidate.sql;

import java.util.Set;

/**
 * One SQL statement cut out of a migration file by {@link SqlSplitter}.
 *
 * @param index     0-based position in its file
 * @param text      the statement as the server receives it: from its first token up to, not
 *                  including, the terminating semicolon (leading comments and white space dropped)
 * @param offset    char offset of {@code text}'s first character in the text given to the splitter
 * @param line      1-based line of that character
 * @param column    1-based column of that character
 * @param traits    what the statement does that the replay, the plan or the baseline must know
 * @param extension the extension name for CREATE EXTENSION, else null
 */
public record Statement(int index, String text, int offset, int line, int column, Set<StatementTrait> traits,
                        String extension) {
    public Statement {
        traits = Set.copyOf(traits);
    }

    public boolean has(StatementTrait trait) {
        return traits.contains(trait);
    }
}
