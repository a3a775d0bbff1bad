package dev.consolidate.sql;

import dev.consolidate.problem.Problem;

/**
 * PostgreSQL's lexical structure, enough to find statement boundaries: comments (nested block
 * comments), standard strings with '' doubling (standard_conforming_strings on, the default since
 * 9.1), E'' strings with backslash escapes, U&amp;'' and B/X/N strings, quoted identifiers, dollar
 * quotes with tags, $1 parameters. Comments and white space produce no tokens.
 */
final class SqlLexer {
    /** Standard strings longer than this are not kept as values: nothing classifies on them. */
    private static final int MAX_STRING_VALUE = 1024;

    private final SourceText source;
    private final String s;
    private final int len;
    private int pos;

    SqlLexer(SourceText source) {
        this.source = source;
        this.s = source.text();
        this.len = s.length();
        this.pos = source.hasBom() ? 1 : 0;
    }

    int position() {
        return pos;
    }

    void seek(int newPos) {
        pos = newPos;
    }

    /** The next token, or null at the end of the text. */
    Token next() {
        skipSpaceAndComments();
        if (pos >= len) {
            return null;
        }
        int start = pos;
        char c = s.charAt(pos);
        if (c == '\'') {
            return standardString(start, pos);
        }
        if (c == '"') {
            return quotedIdentifier(start, pos);
        }
        if (c == '$') {
            return dollar(start);
        }
        if (isIdentStart(c)) {
            return wordOrPrefixedString(start);
        }
        if (isDigit(c) || (c == '.' && pos + 1 < len && isDigit(s.charAt(pos + 1)))) {
            return number(start);
        }
        if (c == '\\') {
            return meta(start);
        }
        pos++;
        return new Token(Token.Kind.PUNCT, start, pos, String.valueOf(c));
    }

    private void skipSpaceAndComments() {
        while (pos < len) {
            char c = s.charAt(pos);
            if (isSpace(c)) {
                pos++;
            } else if (c == '-' && pos + 1 < len && s.charAt(pos + 1) == '-') {
                while (pos < len && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < len && s.charAt(pos + 1) == '*') {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void blockComment() {
        int open = pos;
        int depth = 0;
        while (pos < len) {
            char c = s.charAt(pos);
            if (c == '/' && pos + 1 < len && s.charAt(pos + 1) == '*') {
                depth++;
                pos += 2;
            } else if (c == '*' && pos + 1 < len && s.charAt(pos + 1) == '/') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        throw unterminated(open, "a /* comment", "close it with */ (block comments nest: every /* inside needs its own */)");
    }

    /** A standard string whose opening quote is at {@code quote}; backslashes are literal. */
    private Token standardString(int start, int quote) {
        StringBuilder value = new StringBuilder();
        int i = quote + 1;
        while (i < len) {
            char c = s.charAt(i);
            if (c == '\'') {
                if (i + 1 < len && s.charAt(i + 1) == '\'') {
                    appendLimited(value, '\'');
                    i += 2;
                    continue;
                }
                pos = i + 1;
                return new Token(Token.Kind.STRING, start, pos, value.length() > MAX_STRING_VALUE ? null : value.toString());
            }
            appendLimited(value, c);
            i++;
        }
        throw unterminated(start, "a quoted string", "close the string with ' (write a quote inside it as '')");
    }

    private static void appendLimited(StringBuilder sb, char c) {
        if (sb.length() <= MAX_STRING_VALUE) {
            sb.append(c);
        }
    }

    /** An E'' string: backslash escapes the next character, '' is a quote too. */
    private Token extendedString(int start, int quote) {
        int i = quote + 1;
        while (i < len) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < len && s.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    pos = i + 1;
                    return new Token(Token.Kind.STRING, start, pos, null);
                }
            } else {
                i++;
            }
        }
        throw unterminated(start, "an E'' string", "close the string with ' (inside E'' strings write a quote as \\' or '')");
    }

    private Token quotedIdentifier(int start, int quote) {
        StringBuilder value = new StringBuilder();
        int i = quote + 1;
        while (i < len) {
            char c = s.charAt(i);
            if (c == '"') {
                if (i + 1 < len && s.charAt(i + 1) == '"') {
                    value.append('"');
                    i += 2;
                    continue;
                }
                pos = i + 1;
                return new Token(Token.Kind.QUOTED_IDENT, start, pos, value.toString());
            }
            value.append(c);
            i++;
        }
        throw unterminated(start, "a quoted identifier", "close the identifier with \" (write a quote inside it as \"\")");
    }

    /** $1 parameter, $tag$ ... $tag$ dollar quote, or a lone $. */
    private Token dollar(int start) {
        int i = start + 1;
        if (i < len && isDigit(s.charAt(i))) {
            while (i < len && isDigit(s.charAt(i))) {
                i++;
            }
            pos = i;
            return new Token(Token.Kind.PARAM, start, pos, null);
        }
        if (i < len && isIdentStart(s.charAt(i))) {
            while (i < len && isDollarTagChar(s.charAt(i))) {
                i++;
            }
        }
        if (i < len && s.charAt(i) == '$') {
            String tag = s.substring(start, i + 1);
            int close = s.indexOf(tag, i + 1);
            if (close < 0) {
                throw unterminated(start, "the dollar-quoted string " + tag,
                        "close the body with the same tag " + tag + " (tags are case-sensitive)");
            }
            pos = close + tag.length();
            return new Token(Token.Kind.DOLLAR_STRING, start, pos, null);
        }
        pos = start + 1;
        return new Token(Token.Kind.PUNCT, start, pos, "$");
    }

    private Token wordOrPrefixedString(int start) {
        int i = start + 1;
        while (i < len && isIdentCont(s.charAt(i))) {
            i++;
        }
        int wordLen = i - start;
        if (wordLen == 1 && i < len) {
            char p = s.charAt(start);
            char q = s.charAt(i);
            if (q == '\'') {
                switch (p) {
                    case 'e', 'E' -> {
                        return extendedString(start, i);
                    }
                    case 'b', 'B', 'x', 'X', 'n', 'N' -> {
                        return standardString(start, i);
                    }
                    default -> {
                    }
                }
            }
            if ((p == 'u' || p == 'U') && q == '&' && i + 1 < len) {
                char r = s.charAt(i + 1);
                if (r == '\'') {
                    return standardString(start, i + 1);
                }
                if (r == '"') {
                    Token t = quotedIdentifier(start, i + 1);
                    return new Token(Token.Kind.QUOTED_IDENT, start, t.end(), s.substring(start, t.end()));
                }
            }
        }
        pos = i;
        return new Token(Token.Kind.WORD, start, pos, asciiLower(s, start, i));
    }

    private Token number(int start) {
        int i = start;
        while (i < len) {
            char c = s.charAt(i);
            if (isDigit(c) || c == '.' || c == '_' || (c < 128 && Character.isLetter(c))) {
                i++;
            } else if ((c == '+' || c == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')
                    && i + 1 < len && isDigit(s.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        pos = i;
        return new Token(Token.Kind.NUMBER, start, pos, null);
    }

    /** A backslash outside strings and comments: psql would read a meta-command here. */
    private Token meta(int start) {
        int i = start + 1;
        while (i < len && !isSpace(s.charAt(i)) && s.charAt(i) != '\\' && s.charAt(i) != ';') {
            i++;
        }
        if (i == start + 1 && i < len && s.charAt(i) == '\\') {
            i++;
        }
        pos = i;
        return new Token(Token.Kind.META, start, pos, s.substring(start, i));
    }

    private Problem unterminated(int offset, String what, String fix) {
        SourcePosition at = source.position(offset);
        return Problem.usage(source.file() + " " + at + ": the file ends inside " + what + " opened there")
                .why("PostgreSQL would reject the file (unterminated " + what.replaceFirst("^(a|an|the) ", "")
                        + "), so no migration tool can have applied it as it is now.")
                .fix("Check the file at " + at + ": " + fix + ", or restore the file as it was when it was applied; "
                        + "then run the command again.")
                .state("Nothing was changed: the file was only read.")
                .build();
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean isIdentCont(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isDollarTagChar(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    /** PostgreSQL folds only ASCII letters of unquoted names. */
    static String asciiLower(String s, int from, int to) {
        char[] out = new char[to - from];
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            out[i - from] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return new String(out);
    }
}
