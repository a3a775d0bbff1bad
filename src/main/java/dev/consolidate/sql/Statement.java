package dev.consolidate.sql;

import java.util.Set;

/**
 * One SQL statement cut out of a migration file by {@link SqlSplitter}.
 *
 * @param index           0-based position in its file
 * @param text            the statement as the server receives it: from its first token to the end of
 *                        its last token, without the terminating semicolon (leading comments and white
 *                        space dropped, comments inside kept)
 * @param offset          char offset of {@code text}'s first character in the text given to the splitter
 * @param line            1-based file line of that character
 * @param column          1-based column (in code points) of that character
 * @param traits          what the statement does that the replay, the plan or the baseline must know
 * @param createExtension the parsed CREATE EXTENSION, else null
 * @param copyData        for {@code COPY ... FROM STDIN} followed by inline data (pg_dump style): the
 *                        data lines exactly as in the file, each with its line end, without the
 *                        terminating {@code \.} line, to be streamed with the COPY protocol; else null
 */
public record Statement(int index, String text, int offset, int line, int column, Set<StatementTrait> traits,
                        ExtensionRequest createExtension, String copyData) {
    public Statement {
        traits = Set.copyOf(traits);
    }

    public boolean has(StatementTrait trait) {
        return traits.contains(trait);
    }

    /** The extension name for CREATE EXTENSION, else null. */
    public String extension() {
        return createExtension == null ? null : createExtension.name();
    }

    /** Whether inline COPY data follows the statement. */
    public boolean hasCopyData() {
        return copyData != null;
    }

    /** The char offset after the statement text (exclusive), in the text given to the splitter. */
    public int endOffset() {
        return offset + text.length();
    }

    /**
     * Line and column in the file of a server error position (PostgreSQL's 1-based character index
     * into {@link #text()}). Positions outside the text are clamped to it.
     */
    public SourcePosition locate(int serverPosition) {
        return new SourcePosition(line, column).advance(text, 0, charOffsetOf(serverPosition));
    }

    /** The 0-based char offset within {@link #text()} of a server error position, clamped. */
    int charOffsetOf(int serverPosition) {
        int codePoints = text.codePointCount(0, text.length());
        int steps = Math.max(0, Math.min(serverPosition - 1, codePoints));
        return text.offsetByCodePoints(0, steps);
    }
}
