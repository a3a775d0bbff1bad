package dev.consolidate.archive;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The manifest's two forms: {@code manifest.json} and a {@code SHA256SUMS} that {@code sha256sum -c} reads. */
public final class ManifestCodec {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    // "\n" whatever the platform: the same manifest gives the same bytes everywhere.
    private static final ObjectWriter WRITER = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private ManifestCodec() {
    }

    public static String json(ArchiveManifest manifest) {
        try {
            return WRITER.writeValueAsString(manifest) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a manifest; IOException when it is not one. */
    public static ArchiveManifest parse(String json) throws IOException {
        ArchiveManifest m = JSON.readValue(json, ArchiveManifest.class);
        if (m.planId() == null || m.files() == null) {
            throw new IOException("not an archive manifest (no planId or files)");
        }
        return m;
    }

    /**
     * GNU coreutils' format, in the manifest's order: {@code <hash>  <path>}. A name holding a
     * backslash or a line break is escaped the way sha256sum itself writes it (the line starts
     * with a backslash), so that {@code sha256sum -c} reads every line back.
     */
    public static String sha256sums(ArchiveManifest manifest) {
        StringBuilder sb = new StringBuilder();
        for (ArchivedFile f : manifest.files()) {
            String name = f.path();
            boolean escape = name.indexOf('\\') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0;
            if (escape) {
                name = name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
                sb.append('\\');
            }
            sb.append(f.sha256()).append("  ").append(name).append('\n');
        }
        return sb.toString();
    }

    /** The JSON form of small journal values (same mapper, compact). */
    static String compact(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
