package dev.consolidate.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement's tokens for readers outside the splitter (what a data statement targets, which
 * later statements touch a table): the same lexical rules, so words inside strings, comments
 * and dollar-quoted bodies are never mistaken for code.
 */
public final class Lexemes {
    private Lexemes() {
    }

    /** The tokens of {@code sql} (one statement or a dollar-quoted body), comments dropped. */
    public static List<Lexeme> of(String sql) {
        SqlLexer lexer = new SqlLexer(SourceText.of("statement", sql));
        List<Lexeme> out = new ArrayList<>();
        int depth = 0;
        for (Token t = lexer.next(); t != null; t = lexer.next()) {
            if (t.isPunct(')')) {
                depth = Math.max(0, depth - 1);
            }
            out.add(new Lexeme(kind(t), value(sql, t), depth));
            if (t.isPunct('(')) {
                depth++;
            }
        }
        return out;
    }

    private static Lexeme.Kind kind(Token t) {
        return switch (t.kind()) {
            case WORD -> Lexeme.Kind.WORD;
            case QUOTED_IDENT -> Lexeme.Kind.QUOTED_NAME;
            case STRING -> Lexeme.Kind.STRING;
            case DOLLAR_STRING -> Lexeme.Kind.BODY;
            case NUMBER -> Lexeme.Kind.NUMBER;
            case PUNCT -> Lexeme.Kind.PUNCT;
            default -> Lexeme.Kind.OTHER;
        };
    }

    /** A dollar-quoted string's content is what lies between its opening and closing tags. */
    private static String value(String sql, Token t) {
        if (t.kind() != Token.Kind.DOLLAR_STRING) {
            return t.value();
        }
        String whole = sql.substring(t.start(), t.end());
        int tagEnd = whole.indexOf('$', 1) + 1;
        return whole.substring(tagEnd, whole.length() - tagEnd);
    }
}
