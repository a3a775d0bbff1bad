package dev.consolidate.check;

import dev.consolidate.catalog.diff.FieldDifference;
import dev.consolidate.catalog.diff.KindCount;
import dev.consolidate.catalog.diff.ObjectDifference;
import java.util.List;

/**
 * CHECK.md: a summary fit for a pull-request comment, rendered from the {@link CheckReport}
 * alone. Deterministic: the same report gives the same bytes (no timings, no absolute paths).
 * Values are catalog text, shortened; migration files are never quoted.
 */
public final class CheckMarkdown {
    private CheckMarkdown() {
    }

    public static String render(CheckReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# consolidate --check: ").append(r.verdict().word()).append("\n\n");
        sb.append("**").append(r.verdictLine()).append("**\n\n");
        sb.append("Checked ").append(r.checkedAt()).append("; exit code ").append(r.verdict().exitCode().code()).append(".\n");
        if (r.compared()) {
            counts(r, sb);
        }
        if (!r.replayFailures().isEmpty()) {
            sb.append("\n## Migrations that do not replay\n\n");
            for (ReplayFinding f : r.replayFailures()) {
                sb.append("- `").append(f.file()).append("` line ").append(f.line()).append(", in ").append(f.history())
                        .append(": ").append(f.message()).append(". Compared instead: what its first ").append(f.applied())
                        .append(" of ").append(f.total()).append(" migrations build.\n");
            }
        }
        if (r.compared() && r.differenceCount() > 0) {
            differences(r, sb);
        }
        compared(r, sb);
        notCompared(r, sb);
        if (!r.notes().isEmpty()) {
            sb.append("\n## Notes\n\n");
            r.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }

    private static void counts(CheckReport r, StringBuilder sb) {
        sb.append("\nA: ").append(r.expected().label()).append(" · B: ").append(r.actual().label()).append("\n\n");
        sb.append("| kind | A | B |\n|---|---:|---:|\n");
        for (KindCount c : r.diff().counts()) {
            sb.append("| ").append(c.kind().plural()).append(" | ").append(c.expected()).append(" | ").append(c.actual())
                    .append(c.matches() ? "" : " (differs)").append(" |\n");
        }
    }

    private static void differences(CheckReport r, StringBuilder sb) {
        sb.append("\n## Differences\n");
        List<ObjectDifference.Removed> onlyA = r.onlyInExpected();
        if (!onlyA.isEmpty()) {
            sb.append("\n### Only in A: ").append(r.expected().label()).append(" (").append(onlyA.size()).append(")\n\n");
            onlyA.forEach(d -> sb.append("- ").append(d.key().display()).append(d.object().isDropped() ? " (dropped from the environment)" : "")
                    .append('\n'));
        }
        List<ObjectDifference.Added> onlyB = r.onlyInActual();
        if (!onlyB.isEmpty()) {
            sb.append("\n### Only in B: ").append(r.actual().label()).append(" (").append(onlyB.size()).append(")\n\n");
            onlyB.forEach(d -> sb.append("- ").append(d.key().display()).append(d.object().isDropped() ? " (dropped from the environment)" : "")
                    .append('\n'));
        }
        List<ObjectDifference.Changed> changed = r.changed();
        if (!changed.isEmpty()) {
            sb.append("\n### Different (").append(changed.size()).append(")\n\n");
            for (ObjectDifference.Changed c : changed) {
                sb.append("- ").append(c.key().display()).append('\n');
                for (FieldDifference f : c.fields()) {
                    ShownValues.Shown v = ShownValues.of(c.key(), f);
                    sb.append("  - `").append(f.path()).append("`: ");
                    if (v.note() != null) {
                        sb.append(v.note());
                    } else {
                        sb.append("A ").append(value(v.expected())).append(", B ").append(value(v.actual()));
                    }
                    sb.append('\n');
                }
            }
        }
    }

    private static void compared(CheckReport r, StringBuilder sb) {
        sb.append("\n## What was compared\n\n");
        sb.append("- A, ").append(r.expected().label()).append(": ").append(r.expected().description()).append(".\n");
        if (r.actual() != null) {
            sb.append("- B, ").append(r.actual().label()).append(": ").append(r.actual().description()).append(".\n");
        }
        sb.append("- ").append(r.scope()).append('\n');
        if (r.compared()) {
            r.diff().rules().describe().lines().forEach(l -> sb.append("- ").append(l).append('\n'));
        }
    }

    private static void notCompared(CheckReport r, StringBuilder sb) {
        sb.append("\n## What was not compared\n\n");
        sb.append("- Rows: the check reads catalogs, never table contents.\n");
        if (r.dataStatements().isEmpty()) {
            sb.append("- Data statements: none in the histories.\n");
        } else {
            sb.append("- Data statements (").append(r.dataStatements().size())
                    .append("): they change rows, which a catalog does not show.\n");
            for (DataStatement d : r.dataStatements()) {
                sb.append("  - ").append(d.history()).append(": `").append(d.file()).append("` line ").append(d.line())
                        .append(": ").append(d.command()).append('\n');
            }
        }
        if (r.codeMigrations().isEmpty()) {
            sb.append("- Code migrations: none in the migrations folders.\n");
        } else {
            sb.append("- Code migrations (").append(r.codeMigrations().size())
                    .append("): never replayed, so whatever they do is not compared.\n");
            r.codeMigrations().forEach(c -> sb.append("  - ").append(c).append('\n'));
        }
    }

    private static String value(String v) {
        if (v == null) {
            return "(absent)";
        }
        return "`" + v.replace("\r", "").replace("\n", "\\n").replace('`', '\'') + "`";
    }
}
