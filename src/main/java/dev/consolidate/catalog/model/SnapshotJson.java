package dev.consolidate.catalog.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * The deterministic JSON form of a snapshot, for reports, run folders and tests: objects in key
 * order, object keys sorted, two-space indentation, LF line ends. Reading it back re-derives every
 * content hash and refuses a file whose hashes do not match (edited by hand or truncated).
 */
public final class SnapshotJson {
    public static final String FORMAT = "consolidate.catalog.snapshot/1";
    private static final JsonFactory FACTORY = CanonicalJson.mapper().getFactory();

    private SnapshotJson() {
    }

    public static String write(Snapshot snapshot) {
        StringWriter w = new StringWriter();
        write(snapshot, w);
        return w.toString();
    }

    public static void write(Snapshot snapshot, Writer out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            pp = pp.withArrayIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pp);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("fingerprint", snapshot.fingerprint());
            g.writeStringField("runner", snapshot.info().runner());
            g.writeStringField("server_version", snapshot.info().serverVersion());
            g.writeNumberField("server_version_num", snapshot.info().serverVersionNum());
            g.writeArrayFieldStart("objects");
            for (CatalogObject o : snapshot.objects()) {
                g.writeStartObject();
                writeKeyFields(g, o.key());
                g.writeStringField("hash", o.hash());
                g.writeFieldName("description");
                writeSorted(g, CanonicalJson.parse(o.description()));
                if (o.hints() != null) {
                    g.writeFieldName("hints");
                    writeSorted(g, CanonicalJson.parse(o.hints()));
                }
                if (!o.dependsOn().isEmpty()) {
                    g.writeArrayFieldStart("depends_on");
                    for (ObjectKey k : o.dependsOn()) {
                        g.writeStartObject();
                        writeKeyFields(g, k);
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Snapshot read(Reader in) {
        JsonNode root;
        try {
            root = CanonicalJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a snapshot JSON file: " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a snapshot JSON file (format " + FORMAT + " expected)");
        }
        SnapshotInfo info = new SnapshotInfo(root.path("server_version_num").asInt(),
                root.path("server_version").asText(), root.path("runner").asText());
        List<CatalogObject> objects = new ArrayList<>();
        for (JsonNode o : root.path("objects")) {
            ObjectKey key = readKey(o);
            String description = CanonicalJson.render(o.get("description"));
            String hints = o.hasNonNull("hints") ? CanonicalJson.render(o.get("hints")) : null;
            List<ObjectKey> deps = new ArrayList<>();
            for (JsonNode d : o.path("depends_on")) {
                deps.add(readKey(d));
            }
            CatalogObject obj = CatalogObject.of(key, description, hints, deps);
            if (!obj.hash().equals(o.path("hash").asText())) {
                throw new IllegalArgumentException("snapshot JSON: the content of " + key.display()
                        + " does not match its hash (the file was changed after it was written)");
            }
            objects.add(obj);
        }
        Snapshot s = new Snapshot(info, objects);
        String fp = root.path("fingerprint").asText();
        if (!fp.equals(s.fingerprint())) {
            throw new IllegalArgumentException("snapshot JSON: fingerprint mismatch (objects added or removed after it was written)");
        }
        return s;
    }

    /** The identity as compact JSON: the unambiguous form hashed into the fingerprint. */
    public static String keyText(ObjectKey k) {
        return appendKeyText(new StringBuilder(64), k).toString();
    }

    /** {@link #keyText} appended to {@code sb}. */
    static StringBuilder appendKeyText(StringBuilder sb, ObjectKey k) {
        sb.append('[');
        appendJson(sb, k.kind().id()).append(',');
        appendJson(sb, k.schema()).append(',');
        appendJson(sb, k.name()).append(',');
        appendJson(sb, k.parent()).append(',');
        appendJson(sb, k.signature());
        return sb.append(']');
    }

    /** A JSON string (or null) the way Jackson writes it: the fingerprint must not change with this shortcut. */
    private static StringBuilder appendJson(StringBuilder sb, String s) {
        if (s == null) {
            return sb.append("null");
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    private static void writeKeyFields(JsonGenerator g, ObjectKey k) throws IOException {
        g.writeStringField("kind", k.kind().id());
        if (k.schema() != null) {
            g.writeStringField("schema", k.schema());
        }
        g.writeStringField("name", k.name());
        if (k.parent() != null) {
            g.writeStringField("parent", k.parent());
        }
        if (k.signature() != null) {
            g.writeStringField("signature", k.signature());
        }
    }

    private static ObjectKey readKey(JsonNode o) {
        return new ObjectKey(ObjectKind.fromId(o.path("kind").asText()), text(o, "schema"), o.path("name").asText(),
                text(o, "parent"), text(o, "signature"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static void writeSorted(JsonGenerator g, JsonNode n) throws IOException {
        if (n.isObject()) {
            g.writeStartObject();
            TreeSet<String> names = new TreeSet<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            for (String name : names) {
                g.writeFieldName(name);
                writeSorted(g, n.get(name));
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray();
            for (JsonNode e : n) {
                writeSorted(g, e);
            }
            g.writeEndArray();
        } else {
            g.writeTree(n);
        }
    }
}
