package dev.consolidate.carry;

import dev.consolidate.sql.Lexeme;
import java.util.List;

/**
 * A data statement read as far as carrying needs: whether it is an INSERT of literal rows (VALUES
 * or DEFAULT VALUES, no subquery, no ON CONFLICT DO UPDATE), into which table, and whether it
 * names its columns. Anything else carries a refusal saying why it cannot be carried.
 *
 * @param target     the table inserted into, or null
 * @param columnList true when the INSERT names its columns
 * @param columns    the columns it names (empty without a column list)
 * @param refusal    why it cannot be carried, or null when it is an INSERT of literal rows
 */
record InsertShape(TableName target, boolean columnList, List<String> columns, String refusal) {

    static InsertShape of(List<Lexeme> t) {
        String first = t.isEmpty() || t.get(0).kind() != Lexeme.Kind.WORD ? "" : t.get(0).value();
        if (!first.equals("insert")) {
            return refused(notAnInsert(first));
        }
        TableName target = t.size() > 1 && t.get(1).isWord("into") ? TableName.at(t, 2) : null;
        if (target == null) {
            return refused("its target table cannot be read");
        }
        int i = 2 + target.width();
        if (i < t.size() && t.get(i).isWord("as")) {
            i += 2;
        }
        boolean columns = false;
        List<String> named = new java.util.ArrayList<>();
        if (i < t.size() && t.get(i).isPunct('(')) {
            columns = true;
            int end = afterParens(t, i);
            for (int j = i + 1; j < end - 1; j++) {
                if (t.get(j).isName() && t.get(j).depth() == t.get(i).depth() + 1) {
                    named.add(t.get(j).value());
                }
            }
            i = end;
        }
        if (i + 2 < t.size() && t.get(i).isWord("overriding")) {
            i += 3;
        }
        boolean literal = i < t.size() && (t.get(i).isWord("values")
                || (t.get(i).isWord("default") && i + 1 < t.size() && t.get(i + 1).isWord("values")));
        if (!literal || t.stream().anyMatch(x -> x.isWord("select"))) {
            return new InsertShape(target, columns, named, "it reads rows (INSERT ... SELECT or a subquery): its result depends on"
                    + " data that exists only where the history ran");
        }
        for (int j = i; j + 1 < t.size(); j++) {
            if (t.get(j).depth() == 0 && t.get(j).isWord("do") && t.get(j + 1).isWord("update")) {
                return new InsertShape(target, columns, named, "ON CONFLICT DO UPDATE changes rows that already exist where it runs");
            }
        }
        return new InsertShape(target, columns, List.copyOf(named), null);
    }

    boolean carriable() {
        return refusal == null;
    }

    private static InsertShape refused(String why) {
        return new InsertShape(null, false, List.of(), why);
    }

    private static String notAnInsert(String command) {
        return switch (command) {
            case "update", "merge" -> "it changes rows that existed where the history ran; on a database built from the"
                    + " baseline it would change other rows, or none";
            case "delete" -> "it removes rows that existed where the history ran; on a database built from the baseline it"
                    + " would remove other rows, or none";
            case "truncate" -> "it empties tables of rows that existed where the history ran";
            case "copy" -> "it loads rows from a file or a client stream, not from the statement itself";
            case "with" -> "a WITH query: what it writes depends on the rows it reads";
            default -> "it is not an INSERT of literal rows";
        };
    }

    /** The index after the parenthesised group opening at {@code open}. */
    static int afterParens(List<Lexeme> t, int open) {
        int depth = t.get(open).depth();
        for (int j = open + 1; j < t.size(); j++) {
            if (t.get(j).isPunct(')') && t.get(j).depth() == depth) {
                return j + 1;
            }
        }
        return t.size();
    }
}
