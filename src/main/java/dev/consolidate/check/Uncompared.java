package dev.consolidate.check;

import dev.consolidate.history.IgnoredFile;
import dev.consolidate.replay.PreparedHistory;
import dev.consolidate.replay.PreparedMigration;
import dev.consolidate.sql.Statement;
import dev.consolidate.sql.StatementTrait;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a catalog comparison cannot cover in a history: statements that change rows, and code
 * migrations lying in the migrations folder (the tool skipped them, so no replay ran them).
 */
final class Uncompared {
    private static final Set<String> CODE = Set.of("java", "kt", "scala", "groovy", "ts", "js", "mjs", "cjs", "go", "py", "rb");

    private Uncompared() {
    }

    static List<DataStatement> dataStatements(HistoryInput history, PreparedHistory prepared) {
        List<DataStatement> out = new ArrayList<>();
        for (PreparedMigration m : prepared.migrations()) {
            for (Statement s : m.statements()) {
                if (s.has(StatementTrait.DATA_CHANGE)) {
                    out.add(new DataStatement(history.label(), m.migration().path(), s.line(), command(s.text())));
                }
            }
        }
        return out;
    }

    static List<String> codeMigrations(HistoryInput history) {
        List<String> out = new ArrayList<>();
        for (IgnoredFile f : history.migrations().ignored()) {
            int dot = f.path().lastIndexOf('.');
            if (dot > 0 && CODE.contains(f.path().substring(dot + 1).toLowerCase(Locale.ROOT))) {
                out.add(history.label() + ": " + f.path());
            }
        }
        return out;
    }

    /** The leading keywords only: the rest of a data statement is values. */
    static String command(String text) {
        String[] words = text.stripLeading().split("\\s+", 3);
        String first = words[0].toUpperCase(Locale.ROOT);
        if (words.length > 1 && Set.of("INSERT", "DELETE", "MERGE").contains(first)) {
            String second = words[1].toUpperCase(Locale.ROOT);
            if (second.equals("INTO") || second.equals("FROM")) {
                return first + " " + second;
            }
        }
        return first.replaceAll("[^A-Z]", "");
    }
}
