package dev.consolidate.catalog.ddl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** PostgreSQL keywords that need quoting as identifiers (the list quote_ident() quotes). */
final class Keywords {
    private static final Set<String> WORDS = load();

    private Keywords() {
    }

    static boolean needsQuoting(String word) {
        return WORDS.contains(word);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Keywords.class.getResourceAsStream("/consolidate/catalog/ddl/keywords.txt"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
