package dev.consolidate.sql;

/**
 * A place in a migration file as an editor shows it.
 *
 * @param line   1-based line; CRLF, LF and a lone CR each end a line
 * @param column 1-based column counted in Unicode code points (a leading byte-order mark is not counted)
 */
public record SourcePosition(int line, int column) {
    public SourcePosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** The position reached after reading {@code text[from, to)} starting at this position. */
    public SourcePosition advance(CharSequence text, int from, int to) {
        int l = line;
        int c = column;
        int i = from;
        while (i < to) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < to && text.charAt(i + 1) == '\n') {
                    i++;
                }
                l++;
                c = 1;
            } else if (!(Character.isLowSurrogate(ch) && i > from && Character.isHighSurrogate(text.charAt(i - 1)))) {
                c++;
            }
            i++;
        }
        return new SourcePosition(l, c);
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
