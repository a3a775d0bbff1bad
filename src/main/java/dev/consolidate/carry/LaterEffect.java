package dev.consolidate.carry;

import dev.consolidate.problem.Problem;
import dev.consolidate.sql.Lexeme;
import dev.consolidate.sql.Lexemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a statement that runs after a carried INSERT would change the rows it wrote or how an
 * insert into its table behaves: then the INSERT, run on the baseline's final schema, would not
 * leave what the history left. Reads the statement's tokens only; what a function called later
 * does to the table is beyond it (the data proof compares the rows themselves).
 */
final class LaterEffect {
    /** ALTER TABLE actions after which rows inserted later equal rows inserted before (given the columns are named). */
    private static final Set<String> CONSTRAINT_WORDS = Set.of("constraint", "primary", "unique", "check", "foreign", "exclude");

    private static final Set<String> ACTION_WORDS = Set.of("add", "drop", "alter", "column", "rename", "to", "set", "type",
            "default", "not", "null", "constraint", "if", "exists", "enable", "disable", "trigger", "rule", "inherit", "no",
            "attach", "detach", "partition", "of", "schema", "generated", "identity", "expression", "data");

    private LaterEffect() {
    }

    /** What {@code s} does to {@code table} that the carried INSERT cannot follow, or null when nothing. */
    static String of(List<Lexeme> s, TableName table, boolean columnList) {
        if (s.isEmpty() || s.get(0).kind() != Lexeme.Kind.WORD) {
            return null;
        }
        return switch (s.get(0).value()) {
            case "update" -> names(s, skip(s, 1, "only"), table) ? "updates its rows" : null;
            case "delete" -> s.size() > 1 && s.get(1).isWord("from") && names(s, skip(s, 2, "only"), table) ? "deletes from it" : null;
            case "merge" -> s.size() > 1 && s.get(1).isWord("into") && names(s, 2, table) ? "merges into it" : null;
            case "truncate" -> listNames(s, skip(s, skip(s, 1, "table"), "only"), table) ? "truncates it" : null;
            case "insert" -> s.size() > 1 && names(s, 2, table) && upserts(s) ? "may update its rows (ON CONFLICT DO UPDATE)" : null;
            case "with" -> mentions(s, table) ? "a WITH query that names it" : null;
            case "do" -> bodies(s).stream().anyMatch(b -> mentionsIn(b, table)) ? "a DO block that names it" : null;
            case "alter" -> alter(s, table, columnList);
            case "drop" -> s.size() > 1 && s.get(1).isWord("table") && listNames(s, skip(s, 2, "if", "exists"), table)
                    ? "drops it" : null;
            case "create" -> create(s, table);
            default -> null;
        };
    }

    private static String alter(List<Lexeme> s, TableName table, boolean columnList) {
        if (s.size() < 3 || !s.get(1).isWord("table")) {
            return null;
        }
        int i = skip(s, skip(s, 2, "if", "exists"), "only");
        TableName named = TableName.at(s, i);
        if (named == null || !named.matches(table)) {
            return null;
        }
        List<String> changed = new ArrayList<>();
        for (List<Lexeme> action : actions(s, i + named.width())) {
            if (!harmless(action, columnList)) {
                changed.add(words(action));
            }
        }
        return changed.isEmpty() ? null : "alters it (" + String.join("; ", changed) + ")";
    }

    /**
     * Actions after which a row inserted then equals a row inserted before: constraints the
     * history's rows already met, row-level security, ownership, storage settings; a new column
     * only when the INSERT names its columns (else its values would shift).
     */
    private static boolean harmless(List<Lexeme> a, boolean columnList) {
        String w0 = word(a, 0);
        String w1 = word(a, 1);
        if (w0.equals("add")) {
            if (CONSTRAINT_WORDS.contains(w1)) {
                return !contains(a, "not", "valid");
            }
            return columnList;
        }
        if (w0.equals("alter")) {
            int c = w1.equals("column") ? 3 : 2;
            String v0 = word(a, c);
            String v1 = word(a, c + 1);
            return (v0.equals("set") && Set.of("statistics", "storage", "compression").contains(v1))
                    || (v0.equals("set") && v1.equals("not")) || (v0.equals("drop") && v1.equals("not"));
        }
        if (w0.equals("drop")) {
            return w1.equals("constraint");
        }
        if (Set.of("enable", "disable", "force", "no").contains(w0)) {
            return contains(a, "row", "level") || contains(a, "level", "security");
        }
        return switch (w0) {
            case "owner", "cluster", "replica", "validate" -> true;
            case "set" -> Set.of("tablespace", "logged", "unlogged", "without", "access").contains(w1) || a.size() > 1 && a.get(1).isPunct('(');
            case "reset" -> true;
            default -> false;
        };
    }

    private static String create(List<Lexeme> s, TableName table) {
        int i = skip(s, skip(s, 1, "or", "replace"), "constraint");
        String object = word(s, i);
        if (!object.equals("trigger") && !object.equals("rule")) {
            return null;
        }
        // CREATE TRIGGER ... ON table; CREATE RULE ... AS ON event TO table.
        String before = object.equals("trigger") ? "on" : "to";
        for (int j = i + 1; j + 1 < s.size(); j++) {
            if (s.get(j).depth() == 0 && s.get(j).isWord(before) && names(s, j + 1, table)) {
                return "creates a " + object + " on it";
            }
        }
        return null;
    }

    /** The comma-separated actions at the top level from {@code from}. */
    private static List<List<Lexeme>> actions(List<Lexeme> s, int from) {
        List<List<Lexeme>> out = new ArrayList<>();
        List<Lexeme> current = new ArrayList<>();
        for (int i = from; i < s.size(); i++) {
            if (s.get(i).depth() == 0 && s.get(i).isPunct(',')) {
                out.add(current);
                current = new ArrayList<>();
            } else {
                current.add(s.get(i));
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static boolean names(List<Lexeme> s, int i, TableName table) {
        TableName n = TableName.at(s, i);
        return n != null && n.matches(table);
    }

    /** A comma-separated list of names at {@code i} (TRUNCATE a, b; DROP TABLE a, b) holding the table. */
    private static boolean listNames(List<Lexeme> s, int i, TableName table) {
        while (i < s.size()) {
            TableName n = TableName.at(s, i);
            if (n == null) {
                return false;
            }
            if (n.matches(table)) {
                return true;
            }
            i += n.width();
            if (i < s.size() && s.get(i).isPunct('*')) {
                i++;
            }
            if (i >= s.size() || !s.get(i).isPunct(',')) {
                return false;
            }
            i++;
        }
        return false;
    }

    /** Whether any name in {@code s} (qualified or not) is the table's. */
    static boolean mentions(List<Lexeme> s, TableName table) {
        for (int i = 0; i < s.size(); i++) {
            if (names(s, i, table)) {
                return true;
            }
        }
        return false;
    }

    /** A body that does not even lex (a string holding prose) is searched as text, erring towards "names it". */
    private static boolean mentionsIn(String body, TableName table) {
        try {
            return mentions(Lexemes.of(body), table);
        } catch (Problem unreadable) {
            return body.toLowerCase(java.util.Locale.ROOT).contains(table.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static boolean upserts(List<Lexeme> s) {
        for (int j = 0; j + 1 < s.size(); j++) {
            if (s.get(j).depth() == 0 && s.get(j).isWord("do") && s.get(j + 1).isWord("update")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> bodies(List<Lexeme> s) {
        return s.stream().filter(l -> l.kind() == Lexeme.Kind.BODY || l.kind() == Lexeme.Kind.STRING)
                .map(Lexeme::value).filter(v -> v != null).toList();
    }

    private static boolean contains(List<Lexeme> a, String w0, String w1) {
        for (int i = 0; i + 1 < a.size(); i++) {
            if (a.get(i).isWord(w0) && a.get(i + 1).isWord(w1)) {
                return true;
            }
        }
        return false;
    }

    /** {@code i} moved past the given words where they follow in order. */
    private static int skip(List<Lexeme> s, int i, String... words) {
        int j = i;
        for (String w : words) {
            if (j < s.size() && s.get(j).isWord(w)) {
                j++;
            } else {
                return i;
            }
        }
        return j;
    }

    private static String word(List<Lexeme> s, int i) {
        return i < s.size() && s.get(i).kind() == Lexeme.Kind.WORD ? s.get(i).value() : "";
    }

    /** An action named by its keywords and the one name they act on ("DROP COLUMN name"): never values. */
    private static String words(List<Lexeme> a) {
        List<String> out = new ArrayList<>();
        boolean named = false;
        for (Lexeme l : a) {
            boolean keyword = l.kind() == Lexeme.Kind.WORD && ACTION_WORDS.contains(l.value());
            if (l.depth() > 0 || !l.isName() || (!keyword && named)) {
                break;
            }
            named |= !keyword;
            out.add(keyword ? l.value().toUpperCase(java.util.Locale.ROOT) : l.value());
        }
        return String.join(" ", out);
    }
}
