package dev.consolidate.catalog.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical text of a description: byte for byte what PostgreSQL prints for the same value
 * cast to jsonb and then to text (keys ordered by length then bytes, ", " and ": " separators,
 * its string escapes). Because of that, the content hash of an object is
 * {@code encode(sha256(convert_to(description::text, 'UTF8')), 'hex')} computed inside the
 * database by the same catalog query, which is what a psql-only verify script needs.
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CanonicalJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses JSON text (e.g. jsonb::text) into a tree. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static ObjectNode parseObject(String text) {
        JsonNode n = parse(text);
        if (!(n instanceof ObjectNode o)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return o;
    }

    public static String render(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString();
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(JsonNode node, StringBuilder sb) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            sb.append("null");
        } else if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
            keys.sort(CanonicalJson::compareKeys);
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                writeString(keys.get(i), sb);
                sb.append(": ");
                write(node.get(keys.get(i)), sb);
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                write(node.get(i), sb);
            }
            sb.append(']');
        } else if (node.isTextual()) {
            writeString(node.textValue(), sb);
        } else if (node.isBoolean()) {
            sb.append(node.booleanValue());
        } else if (node.isNumber()) {
            sb.append(node.decimalValue().toPlainString());
        } else {
            throw new IllegalArgumentException("unsupported JSON node: " + node.getNodeType());
        }
    }

    /** jsonb's key order: shorter first, then by bytes. */
    static int compareKeys(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        if (x.length != y.length) {
            return Integer.compare(x.length, y.length);
        }
        for (int i = 0; i < x.length; i++) {
            int c = Integer.compare(x[i] & 0xff, y[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Whether {@code n} is a non-empty array of objects with distinct "name"s (a table's columns,
     * say): the diff and the verify script both address its elements by name, not position.
     */
    public static boolean isNamedList(JsonNode n) {
        if (!n.isArray() || n.isEmpty()) {
            return false;
        }
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (JsonNode el : n) {
            if (!el.isObject() || !el.path("name").isTextual() || !seen.add(el.get("name").textValue())) {
                return false;
            }
        }
        return true;
    }

    private static void writeString(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
