package dev.consolidate.sql;

/**
 * One lexical token of PostgreSQL's SQL, as far as splitting and classifying need.
 *
 * @param kind  what it is
 * @param start char offset of its first character
 * @param end   char offset after its last character
 * @param value a word folded to lower case, a quoted identifier unescaped, a short standard string's
 *              content unescaped, a punctuation character, a psql meta-command name; else null
 */
record Token(Kind kind, int start, int end, String value) {

    enum Kind {
        WORD, QUOTED_IDENT, STRING, DOLLAR_STRING, NUMBER, PARAM, PUNCT, META
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && value.equals(word);
    }

    boolean isPunct(char c) {
        return kind == Kind.PUNCT && value.charAt(0) == c;
    }

    /** A name: a bare word or a quoted identifier. */
    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
    }
}
