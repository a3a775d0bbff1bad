package dev.consolidate.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Markdown templates kept in the repository's runbooks/ folder (packaged under
 * consolidate/runbooks/). A report is a data record; its Markdown comes from a template and its
 * JSON from the same record. Missing values are errors, never empty strings, so a template cannot
 * silently drop a fact.
 */
public final class Templates {
    private static final String ROOT = "/consolidate/runbooks/";
    private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .strictSections(false)
            .defaultValue(null)
            .withLoader(name -> new java.io.StringReader(load(name + ".mustache")));

    private Templates() {
    }

    /** Renders {@code name} (e.g. "PLAN.md") with the given context (records, maps and lists). */
    public static String render(String name, Object context) {
        return CACHE.computeIfAbsent(name, n -> COMPILER.compile(load(n + ".mustache"))).execute(context);
    }

    private static String load(String file) {
        try (InputStream in = Templates.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("template " + file + " is not packaged (runbooks/" + file + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
