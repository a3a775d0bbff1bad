package dev.consolidate.sql;

import dev.consolidate.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Cuts a migration file into the statements PostgreSQL receives, the way psql does: a semicolon
 * ends a statement unless it is inside a string, a quoted identifier, a dollar quote, a comment,
 * parentheses or a SQL-standard {@code BEGIN ATOMIC ... END} body. Each statement carries where it
 * starts in the file and what it does ({@link StatementTrait}). pg_dump style
 * {@code COPY ... FROM stdin;} keeps the inline data that follows it. psql meta-commands
 * (backslash commands) are refused: statements are sent to the server directly.
 */
public final class SqlSplitter {

    /** Splits the whole text; the file name is only used in messages. */
    public List<Statement> split(String file, String sql) {
        return split(SourceText.of(file, sql));
    }

    /**
     * Splits {@code source}.
     *
     * @throws Problem (usage) for a psql meta-command, a string/comment/dollar quote left open at the
     *                 end of the file, or SQL after {@code COPY ... FROM stdin;} on the same line
     */
    public List<Statement> split(SourceText source) {
        List<Statement> statements = new ArrayList<>();
        scan(source, statements::add, null);
        return List.copyOf(statements);
    }

    /**
     * Hands each statement to {@code sink} as soon as it is cut, keeping none: for large files
     * (pg_dump output with COPY data) memory holds the text and one statement.
     *
     * @return the number of statements
     * @throws Problem as {@link #split(SourceText)}; statements before the problem have been handed over
     */
    public int forEach(SourceText source, Consumer<Statement> sink) {
        return scan(source, sink, null);
    }

    /**
     * The file cut at the same semicolons, but each piece keeping the comments and blank lines
     * before it, without its semicolon and trimmed: the form the Supabase CLI stores in
     * {@code schema_migrations.statements} (a trailing comment after the last semicolon is a piece
     * of its own, as there). Joined with ";\n" the pieces give the file back.
     */
    public List<String> splitKeepingComments(SourceText source) {
        List<String> pieces = new ArrayList<>();
        scan(source, s -> { }, pieces);
        return List.copyOf(pieces);
    }

    private int scan(SourceText source, Consumer<Statement> sink, List<String> pieces) {
        SqlLexer lexer = new SqlLexer(source);
        String text = source.text();
        int count = 0;
        StatementScan current = null;
        int pieceStart = lexer.position();
        Token t;
        while ((t = lexer.next()) != null) {
            if (t.kind() == Token.Kind.META) {
                throw metaCommand(source, t);
            }
            if (t.isPunct(';') && (current == null || current.atTopLevel())) {
                if (pieces != null) {
                    addPiece(pieces, text, pieceStart, t.start());
                }
                if (current != null) {
                    sink.accept(finish(source, lexer, current, count++, true));
                    current = null;
                }
                pieceStart = lexer.position();
                continue;
            }
            if (current == null) {
                current = new StatementScan(t);
            } else {
                current.accept(t);
            }
        }
        if (current != null) {
            sink.accept(finish(source, lexer, current, count++, false));
        }
        if (pieces != null) {
            addPiece(pieces, text, pieceStart, text.length());
        }
        return count;
    }

    private static void addPiece(List<String> pieces, String text, int from, int to) {
        String piece = text.substring(from, to).strip();
        if (!piece.isEmpty()) {
            pieces.add(piece);
        }
    }

    private static Statement finish(SourceText source, SqlLexer lexer, StatementScan scan, int index, boolean terminated) {
        StatementClassifier classifier = new StatementClassifier(scan);
        Set<StatementTrait> traits = classifier.traits();
        ExtensionRequest extension = traits.contains(StatementTrait.CREATE_EXTENSION) ? classifier.extension() : null;
        String copyData = null;
        if (terminated && scan.fromStdin() && scan.head().get(0).isWord("copy")) {
            copyData = readCopyData(source, lexer);
        }
        SourcePosition at = source.position(scan.start());
        String text = source.text().substring(scan.start(), scan.end());
        return new Statement(index, text, scan.start(), at.line(), at.column(), traits, extension, copyData);
    }

    /**
     * The lines after {@code COPY ... FROM stdin;} up to a line holding only {@code \.} (or the end of
     * the file, as psql accepts), leaving the lexer after that line.
     */
    private static String readCopyData(SourceText source, SqlLexer lexer) {
        String s = source.text();
        int len = s.length();
        int i = lexer.position();
        while (i < len && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i + 1 < len && s.charAt(i) == '-' && s.charAt(i + 1) == '-') {
            while (i < len && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                i++;
            }
        }
        if (i < len && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            SourcePosition at = source.position(i);
            throw Problem.usage(source.file() + " " + at + ": SQL follows COPY ... FROM stdin; on the same line")
                    .why("The rows of COPY ... FROM stdin start on the next line and end at a line holding only \\.;"
                            + " text after the semicolon on the COPY line would be neither data nor a statement.")
                    .fix("Move that SQL after the \\. line that ends the data, then run the command again.")
                    .state("Nothing was changed: the file was only read.")
                    .build();
        }
        i = afterLineEnd(s, i);
        int dataStart = i;
        while (i < len) {
            int lineEnd = i;
            while (lineEnd < len && s.charAt(lineEnd) != '\n' && s.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            if (lineEnd - i == 2 && s.charAt(i) == '\\' && s.charAt(i + 1) == '.') {
                lexer.seek(afterLineEnd(s, lineEnd));
                return s.substring(dataStart, i);
            }
            i = afterLineEnd(s, lineEnd);
        }
        lexer.seek(len);
        return s.substring(dataStart, len);
    }

    private static int afterLineEnd(String s, int i) {
        if (i < s.length() && s.charAt(i) == '\r') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '\n') {
            i++;
        }
        return i;
    }

    private static Problem metaCommand(SourceText source, Token t) {
        SourcePosition at = source.position(t.start());
        String command = t.value().length() > 24 ? t.value().substring(0, 24) + "..." : t.value();
        return Problem.usage(source.file() + " " + at + ": psql meta-command " + command + " in a migration")
                .why("consolidate sends each statement to the PostgreSQL server itself, as the migration tools do;"
                        + " backslash commands (\\i, \\ir, \\connect, \\set, \\gexec, ...) are instructions to psql"
                        + " and the server cannot run them.")
                .fix("Replace " + command + " with plain SQL (inline the included file, write the generated"
                        + " statements out, drop connection and variable commands), then run the command again.")
                .state("Nothing was changed: the file was only read.")
                .build();
    }
}
