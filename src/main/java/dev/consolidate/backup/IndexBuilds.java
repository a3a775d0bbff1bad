package dev.consolidate.backup;

import dev.consolidate.problem.Problem;
import dev.consolidate.sql.SourceText;
import dev.consolidate.sql.SqlSplitter;
import dev.consolidate.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a restore's post-data into the index builds that may run side by side on several
 * sessions (as {@code pg_restore -j} does) and the rest, which keeps its order and runs after them.
 *
 * <p>A build qualifies when it creates one index, or adds one primary key, unique or exclusion
 * constraint, on a table of the backup that is an ordinary table (not partitioned, not a
 * partition). Such a statement touches that table alone and needs nothing post-data creates;
 * everything that may need it (foreign keys, attachments, comments, CLUSTER ON) is in the rest.
 * Anything not recognised with certainty stays in the rest, so an unusual statement costs speed,
 * never order.
 */
final class IndexBuilds {
    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[^\\s\".;]+)";
    private static final String QUALIFIED = "(" + NAME + ")\\.(" + NAME + ")";
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "CREATE (?:UNIQUE )?INDEX " + NAME + " ON " + QUALIFIED + " USING .*", Pattern.DOTALL);
    private static final Pattern ADD_KEY = Pattern.compile(
            "ALTER TABLE ONLY " + QUALIFIED + "\\s+ADD CONSTRAINT " + NAME + " (?:PRIMARY KEY|UNIQUE|EXCLUDE)\\b.*",
            Pattern.DOTALL);
    private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Pattern ONE_ACTION_ONLY = Pattern.compile("\\bADD\\s+CONSTRAINT\\b|\\bREFERENCES\\b|\\bFOREIGN\\s+KEY\\b");

    /** One statement building an index on {@code table}, of {@code bytes} of COPY text. */
    record Build(TableName table, long bytes, String sql) {
    }

    /**
     * @param builds the builds, largest table first (each runs on its own)
     * @param rest   the other statements, in their order, as one script
     */
    record Split(List<Build> builds, String rest) {
    }

    private IndexBuilds() {
    }

    /**
     * @param postData the post-data script
     * @param ordinary the backup's ordinary tables by name, with their bytes
     */
    static Split split(String postData, Map<TableName, BackupManifest.TableEntry> ordinary) {
        List<Statement> statements;
        try {
            statements = new SqlSplitter().split(SourceText.of("post-data.sql", postData));
        } catch (Problem p) {
            // Not a script the splitter can cut: the server runs it whole, in order, as before.
            return new Split(List.of(), postData);
        }
        List<Build> builds = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        for (Statement s : statements) {
            String sql = s.text().strip();
            TableName target = target(sql);
            BackupManifest.TableEntry table = target == null ? null : ordinary.get(target);
            if (table != null) {
                builds.add(new Build(table.table(), table.bytes(), sql));
            } else {
                rest.append(sql).append(";\n");
            }
        }
        builds.sort(Comparator.comparingLong(Build::bytes).reversed().thenComparing(Build::table));
        return new Split(List.copyOf(builds), rest.toString());
    }

    /** The table a build statement works on, or null when the statement is not a build. */
    static TableName target(String sql) {
        Matcher m = CREATE_INDEX.matcher(sql);
        if (m.matches()) {
            return name(m);
        }
        m = ADD_KEY.matcher(sql);
        if (m.matches() && count(ONE_ACTION_ONLY.matcher(sql)) == 1) {
            return name(m);
        }
        return null;
    }

    /**
     * The catalog's name for the matched schema and table, however the script quoted them: a
     * quoted part loses its quotes (doubled quotes become one); a bare part is taken only when it
     * is plain lower case, which the server keeps as it is. Null otherwise: a name not read with
     * certainty keeps its statement in the rest.
     */
    private static TableName name(Matcher m) {
        String schema = identifier(m.group(1));
        String table = identifier(m.group(2));
        return schema == null || table == null ? null : new TableName(schema, table);
    }

    private static String identifier(String part) {
        if (part.startsWith("\"")) {
            return part.substring(1, part.length() - 1).replace("\"\"", "\"");
        }
        return BARE.matcher(part).matches() ? part : null;
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
