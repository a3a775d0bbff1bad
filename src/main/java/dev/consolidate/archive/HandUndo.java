package dev.consolidate.archive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shell commands that undo an archive by hand, for the rollback runbook: verify what is in the
 * archive folder, move each moved file back (newest first), then remove the README, the manifests
 * and the emptied folders. Run from the project root; paths are quoted for a POSIX shell.
 */
public final class HandUndo {
    private HandUndo() {
    }

    /**
     * @param manifest      what the archive holds
     * @param files         the files in the archive, in the manifest's order (fewer than all after a partial run)
     * @param folderCreated whether the archive step created the archive folder (so its undo removes it)
     */
    public static List<String> commands(ArchiveManifest manifest, List<ArchivedFile> files, boolean folderCreated) {
        List<String> out = new ArrayList<>();
        String archive = manifest.archiveFolder();
        out.add("(cd " + quote(archive) + " && sha256sum -c " + (files.size() < manifest.files().size() ? "--ignore-missing " : "")
                + ArchiveManifest.SUMS_NAME + ")");
        Set<String> parents = new LinkedHashSet<>();
        for (ArchivedFile f : files) {
            int slash = f.path().lastIndexOf('/');
            if (slash > 0) {
                parents.add(original(manifest, f.path().substring(0, slash)));
            }
        }
        for (String p : parents) {
            out.add("mkdir -p " + quote(p));
        }
        for (int i = files.size() - 1; i >= 0; i--) {
            ArchivedFile f = files.get(i);
            out.add("mv " + quote(f.to()) + " " + quote(f.from()));
        }
        StringBuilder rm = new StringBuilder("rm -f");
        for (String own : ArchiveManifest.OWN_FILES) {
            rm.append(' ').append(quote(archive + "/" + own));
        }
        out.add(rm.toString());
        // Deepest first, so each rmdir finds its folder already emptied of sub-folders.
        TreeSet<String> dirs = new TreeSet<>(Comparator.comparingInt((String d) -> -depth(d)).thenComparing(Comparator.naturalOrder()));
        for (ArchivedFile f : files) {
            String p = f.path();
            for (int slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) {
                dirs.add(archive + "/" + p.substring(0, slash));
            }
        }
        for (String d : dirs) {
            out.add("rmdir " + quote(d));
        }
        if (folderCreated) {
            out.add("rmdir " + quote(archive));
        }
        return out;
    }

    private static String original(ArchiveManifest m, String rel) {
        return m.migrationsFolder() == null || m.migrationsFolder().isEmpty() ? rel : m.migrationsFolder() + "/" + rel;
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    /** POSIX single quoting; a leading '-' is kept from being read as an option. */
    static String quote(String path) {
        String p = path.startsWith("-") ? "./" + path : path;
        return "'" + p.replace("'", "'\\''") + "'";
    }
}
