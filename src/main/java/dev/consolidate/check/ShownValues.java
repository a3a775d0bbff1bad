package dev.consolidate.check;

import dev.consolidate.catalog.diff.FieldDifference;
import dev.consolidate.catalog.model.ObjectKey;
import dev.consolidate.catalog.model.ObjectKind;

/**
 * How a differing field's two values are shown in a report meant to be shared (a pull-request
 * comment, a CI log). A routine's definition holds its body, which is migration text and may hold
 * a committed secret: it is never shown, only where the two bodies part. Other values are catalog
 * text; long ones are cut to a window around the first character where they differ, so the
 * difference is what the reader sees.
 */
final class ShownValues {
    static final int WIDTH = 160;
    private static final int BEFORE = 40;

    private ShownValues() {
    }

    /** A pair of values as shown, or the reason they are not. */
    record Shown(String expected, String actual, String note) {
    }

    static Shown of(ObjectKey key, FieldDifference f) {
        if (hidesBody(key, f.path())) {
            return new Shown(null, null, "the bodies are not shown (migration text); they first differ on line "
                    + firstDifferentLine(f.expected(), f.actual()) + " of the definition");
        }
        int from = windowStart(f.expected(), f.actual());
        return new Shown(excerpt(f.expected(), from), excerpt(f.actual(), from), null);
    }

    static boolean hidesBody(ObjectKey key, String path) {
        return (key.kind() == ObjectKind.FUNCTION || key.kind() == ObjectKind.PROCEDURE) && path.equals("definition");
    }

    static int firstDifferentLine(String a, String b) {
        String x = a == null ? "" : unquote(a);
        String y = b == null ? "" : unquote(b);
        int n = Math.min(x.length(), y.length());
        int line = 1;
        for (int i = 0; i < n && x.charAt(i) == y.charAt(i); i++) {
            if (x.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Where both excerpts start: a little before the first difference when the values are long. */
    private static int windowStart(String a, String b) {
        if (a == null || b == null || (a.length() <= WIDTH && b.length() <= WIDTH)) {
            return 0;
        }
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - BEFORE);
        return Character.isLowSurrogate(a.charAt(Math.min(from, a.length() - 1))) ? Math.max(0, from - 1) : from;
    }

    private static String excerpt(String v, int from) {
        if (v == null) {
            return null;
        }
        int start = Math.min(from, v.length());
        String s = v.substring(start);
        boolean cut = false;
        if (s.codePointCount(0, s.length()) > WIDTH) {
            s = s.substring(0, s.offsetByCodePoints(0, WIDTH));
            cut = true;
        }
        return (start > 0 ? "..." : "") + s + (cut ? "..." : "");
    }

    /** A JSON string value as text (the values are JSON); other JSON as is. */
    private static String unquote(String json) {
        if (json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"")) {
            return json.substring(1, json.length() - 1).replace("\\n", "\n");
        }
        return json;
    }
}
