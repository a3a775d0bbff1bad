package dev.consolidate.archive;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The README laid into the archive folder, rendered from {@code archive-template/README.md.mustache}
 * (packaged under consolidate/archive-template/). Everything in it comes from the manifest, so the
 * same plan and clock give the same bytes. Missing values are errors, never empty strings.
 */
public final class ArchiveReadme {
    private static final String RESOURCE = "/consolidate/archive-template/README.md.mustache";
    private static final Template TEMPLATE = Mustache.compiler()
            .escapeHTML(false)
            .defaultValue(null)
            .compile(load());

    private ArchiveReadme() {
    }

    /**
     * @param manifest       what was archived
     * @param migrationCount how many migrations (a Prisma migration is a directory of files)
     * @param bundlePath     the bundle as a path usable from the project root, or a placeholder
     *                       naming the run folder when it lies outside the project
     */
    public static String render(ArchiveLayout layout, ArchiveManifest manifest, int migrationCount, String bundlePath) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("fileCount", manifest.files().size());
        v.put("migrationCount", migrationCount);
        v.put("tool", toolName(manifest.tool()));
        v.put("archivedDate", manifest.archivedAt().substring(0, Math.min(10, manifest.archivedAt().length())));
        v.put("archivedAt", manifest.archivedAt());
        v.put("migrationsShown", "`" + (layout.migrationsFolder().isEmpty() ? "." : layout.migrationsFolder()) + "/`");
        ArchiveManifest.Baseline b = manifest.baseline();
        v.put("baselinePath", b.path());
        v.put("baselineLabel", b.tool() + " version " + b.version() + (b.name() == null || b.name().isEmpty()
                || b.name().equals(b.version()) ? "" : ", name " + b.name()));
        v.put("planId", manifest.planId());
        v.put("bundleLocation", "`" + bundlePath + "`");
        v.put("bundlePath", bundlePath);
        v.put("bundleSize", size(manifest.bundle().size()));
        v.put("bundleSha256", manifest.bundle().sha256());
        v.put("sum", manifest.sum());
        Path back = layout.archiveDir().relativize(layout.migrationsDir());
        v.put("backToMigrations", back.toString().replace('\\', '/'));
        return TEMPLATE.execute(v);
    }

    /** The tool as its users call it. */
    static String toolName(String cliName) {
        return switch (cliName) {
            case "supabase" -> "Supabase CLI";
            case "prisma" -> "Prisma Migrate";
            case "flyway" -> "Flyway";
            case "sql" -> "plain SQL";
            default -> cliName;
        };
    }

    /** Bytes for people: "812 B", "12.3 KiB", "4.0 MiB". */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes / 1024.0;
        String[] units = {"KiB", "MiB", "GiB"};
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static String load() {
        try (InputStream in = ArchiveReadme.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the archive README template is not packaged (archive-template/README.md.mustache)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
