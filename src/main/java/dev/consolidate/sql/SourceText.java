package dev.consolidate.sql;

import java.util.Arrays;
import java.util.Objects;

/**
 * The text of one migration file (or the part of it a tool executes) with the name to show in
 * messages, mapping char offsets to lines and columns.
 */
public final class SourceText {
    private static final char BOM = '\uFEFF';

    private final String file;
    private final String text;
    private final int firstLine;
    private final int[] lineStarts;

    /**
     * @param file      the name to show in messages, e.g. a path relative to the project
     * @param text      the SQL
     * @param firstLine the file line on which {@code text} begins (a dbmate up section starts below its marker)
     */
    public SourceText(String file, String text, int firstLine) {
        this.file = Objects.requireNonNull(file, "file");
        this.text = Objects.requireNonNull(text, "text");
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine is 1-based: " + firstLine);
        }
        this.firstLine = firstLine;
        this.lineStarts = lineStarts(text);
    }

    public static SourceText of(String file, String text) {
        return new SourceText(file, text, 1);
    }

    public String file() {
        return file;
    }

    public String text() {
        return text;
    }

    public int firstLine() {
        return firstLine;
    }

    /** Whether the text starts with a byte-order mark (which the splitter skips). */
    public boolean hasBom() {
        return !text.isEmpty() && text.charAt(0) == BOM;
    }

    /** Line and column of the char at {@code offset} (0 to length). */
    public SourcePosition position(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + text.length());
        }
        int idx = Arrays.binarySearch(lineStarts, offset);
        int lineIndex = idx >= 0 ? idx : -idx - 2;
        int start = lineStarts[lineIndex];
        if (lineIndex == 0 && hasBom() && offset > 0) {
            start = 1;
        }
        int column = text.codePointCount(start, offset) + 1;
        return new SourcePosition(firstLine + lineIndex, column);
    }

    /**
     * Where a server error points: PostgreSQL reports a 1-based character position into the
     * statement text it received; this maps it back to the file. Positions past the end (an error
     * "at end of input") map to the statement's end.
     */
    public SourcePosition locate(Statement statement, int serverPosition) {
        return position(statement.offset() + statement.charOffsetOf(serverPosition));
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < len && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }
}
