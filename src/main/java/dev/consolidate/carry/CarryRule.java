package dev.consolidate.carry;

import dev.consolidate.problem.Problem;
import dev.consolidate.sql.Lexeme;
import dev.consolidate.sql.Lexemes;
import dev.consolidate.sql.StatementTrait;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, for every statement of the history that changes rows, whether it is carried into the
 * data file beside the baseline or reported. The rule is conservative: a statement is carried only
 * when running it once on a database built from the baseline leaves the rows it left in the
 * history, which the text can show for an INSERT of literal rows (VALUES, no subquery, no ON
 * CONFLICT DO UPDATE) into a table no later statement updates, deletes from, truncates, drops,
 * alters in a way that changes its rows or columns, or puts a trigger or rule on; an INSERT
 * naming a table without a schema must not follow a change of search_path in its file. Everything
 * else is reported with the reason; nothing is dropped silently.
 */
public final class CarryRule {

    /** One decision per statement with {@link StatementTrait#DATA_CHANGE}, in history order. */
    public List<CarryDecision> decide(List<HistoryStatement> history) {
        List<List<Lexeme>> tokens = new ArrayList<>(history.size());
        for (HistoryStatement h : history) {
            tokens.add(lex(h));
        }
        List<CarryDecision> out = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            HistoryStatement d = history.get(i);
            if (d.statement().has(StatementTrait.DATA_CHANGE)) {
                String reason = reason(history, tokens, i);
                out.add(new CarryDecision(d.path(), d.line(), reason == null, reason));
            }
        }
        return out;
    }

    private static String reason(List<HistoryStatement> history, List<List<Lexeme>> tokens, int i) {
        InsertShape shape = InsertShape.of(tokens.get(i));
        if (!shape.carriable()) {
            return shape.refusal();
        }
        HistoryStatement d = history.get(i);
        if (shape.target().schema() == null) {
            for (int j = i - 1; j >= 0 && history.get(j).path().equals(d.path()); j--) {
                if (history.get(j).statement().has(StatementTrait.SESSION_SETTING) && mentionsSearchPath(tokens.get(j))) {
                    return "it names " + shape.target() + " without a schema after " + history.get(j).location()
                            + " changed the search_path";
                }
            }
        }
        for (int j = i + 1; j < history.size(); j++) {
            String effect = LaterEffect.of(tokens.get(j), shape.target(), shape.columnList());
            if (effect != null) {
                return "a later statement changes what it wrote: " + history.get(j).location() + " " + effect;
            }
        }
        return null;
    }

    private static boolean mentionsSearchPath(List<Lexeme> t) {
        return t.stream().anyMatch(l -> "search_path".equals(l.value()));
    }

    /** A statement the lexer cannot read again (it read it once to split it) names nothing it can see. */
    private static List<Lexeme> lex(HistoryStatement h) {
        try {
            return Lexemes.of(h.statement().text());
        } catch (Problem unreadable) {
            return List.of();
        }
    }
}
