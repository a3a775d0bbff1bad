package dev.consolidate.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of one statement as the splitter reads them: where it starts and ends, the nesting
 * that decides whether a semicolon ends it, and what the classifier needs (the first tokens plus a
 * few facts gathered over all of them, so memory stays flat for a statement of any length).
 */
final class StatementScan {
    /** Enough for every prefix the classifier reads (CREATE EXTENSION with all its options). */
    private static final int HEAD = 48;

    private final int start;
    private int end;
    private int parenDepth;
    private int beginDepth;
    private int wordCount;
    private final char[] routineWords = new char[4];
    private final List<Token> head = new ArrayList<>();
    private Token previous;
    private Token previousWord;

    /** A WITH query whose CTE body or main statement is INSERT/UPDATE/DELETE/MERGE. */
    private boolean modifyingAfterParen;
    /** COPY: a FROM at paren depth 0 (COPY ... FROM, not COPY (SELECT ... FROM ...) TO). */
    private boolean fromAtTop;
    /** COPY ... FROM STDIN. */
    private boolean fromStdin;
    /** SELECT set_config(...), as pg_dump writes for search_path. */
    private boolean setConfig;

    StatementScan(Token first) {
        this.start = first.start();
        accept(first);
    }

    /** Whether a semicolon here ends the statement (psql's rule: not inside parentheses or a BEGIN ATOMIC body). */
    boolean atTopLevel() {
        return parenDepth == 0 && beginDepth == 0;
    }

    void accept(Token t) {
        end = t.end();
        if (t.isPunct('(')) {
            parenDepth++;
        } else if (t.isPunct(')')) {
            parenDepth = Math.max(0, parenDepth - 1);
        } else if (t.kind() == Token.Kind.WORD) {
            word(t);
        }
        if (head.size() < HEAD) {
            head.add(t);
        }
        previous = t;
    }

    private void word(Token t) {
        String w = t.value();
        trackAtomicBody(w);
        if ((w.equals("insert") || w.equals("update") || w.equals("delete") || w.equals("merge"))
                && previous != null && (previous.isPunct('(') || previous.isPunct(')'))) {
            modifyingAfterParen = true;
        }
        if (parenDepth == 0) {
            if (w.equals("from")) {
                fromAtTop = true;
            } else if (w.equals("stdin") && previousWord != null && previousWord.isWord("from") && previous == previousWord) {
                fromStdin = true;
            }
        }
        if (w.equals("set_config")) {
            setConfig = true;
        }
        previousWord = t;
        wordCount++;
    }

    /**
     * psql's heuristic for SQL-standard bodies: in CREATE [OR REPLACE] FUNCTION/PROCEDURE, at paren
     * depth 0, BEGIN opens a body, CASE inside it opens another END, END closes one.
     */
    private void trackAtomicBody(String w) {
        if (wordCount < routineWords.length) {
            routineWords[wordCount] = switch (w) {
                case "create", "function", "procedure", "or", "replace" -> w.charAt(0);
                default -> 0;
            };
        }
        boolean routine = routineWords[0] == 'c'
                && (routineWords[1] == 'f' || routineWords[1] == 'p'
                || (routineWords[1] == 'o' && routineWords[2] == 'r' && (routineWords[3] == 'f' || routineWords[3] == 'p')));
        if (!routine || parenDepth != 0) {
            return;
        }
        switch (w) {
            case "begin" -> beginDepth++;
            case "case" -> {
                if (beginDepth >= 1) {
                    beginDepth++;
                }
            }
            case "end" -> {
                if (beginDepth > 0) {
                    beginDepth--;
                }
            }
            default -> {
            }
        }
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    List<Token> head() {
        return head;
    }

    boolean modifyingAfterParen() {
        return modifyingAfterParen;
    }

    boolean fromAtTop() {
        return fromAtTop;
    }

    boolean fromStdin() {
        return fromStdin;
    }

    boolean setConfig() {
        return setConfig;
    }
}
