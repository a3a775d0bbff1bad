package dev.consolidate.sql;

/**
 * One token of a statement as code outside this package reads it: words folded to lower case,
 * quoted identifiers unescaped, and the parenthesis depth it sits at.
 *
 * @param kind  what it is
 * @param value a word (lower case), a quoted identifier (unescaped), a standard string's content, a
 *              dollar-quoted body's content, a punctuation character; null for numbers, parameters
 *              and long strings
 * @param depth how many parentheses enclose it (0 at the statement's top level)
 */
public record Lexeme(Kind kind, String value, int depth) {

    public enum Kind {
        WORD, QUOTED_NAME, STRING, BODY, NUMBER, PUNCT, OTHER
    }

    public boolean isWord(String word) {
        return kind == Kind.WORD && value.equals(word);
    }

    /** A bare word or a quoted identifier: something that may name an object. */
    public boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
    }

    public boolean isPunct(char c) {
        return kind == Kind.PUNCT && value.charAt(0) == c;
    }
}
