package dev.consolidate.backup;

import dev.consolidate.fs.Sha256;
import dev.consolidate.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks an archive against its manifest. The whole file's SHA-256 comes first (cheap: no
 * decompression); only when it differs is every entry decompressed and compared, to name the
 * tables that were hit.
 */
final class ArchiveIntegrity {
    private ArchiveIntegrity() {
    }

    static IntegrityReport check(Path file, BackupManifest manifest) {
        BackupManifest.Archive archive = manifest.archive();
        try {
            long size = Files.exists(file) ? Files.size(file) : -1;
            String sha = size < 0 ? "(missing)" : Sha256.ofFile(file);
            List<IntegrityReport.Damage> damaged = new ArrayList<>();
            if (size >= 0 && !(sha.equals(archive.sha256()) && size == archive.bytes())) {
                damaged = scan(file, manifest);
            }
            return new IntegrityReport(file.toString(), archive.sha256(), sha, archive.bytes(), size, damaged);
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("could not read the archive " + file,
                    e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
        }
    }

    /** Every entry, decompressed and measured. */
    static List<IntegrityReport.Damage> scan(Path file, BackupManifest manifest) {
        ArchiveReader reader = new ArchiveReader(file, manifest.archive());
        BackupManifest.Contents c = manifest.contents();
        List<IntegrityReport.Damage> damaged = new ArrayList<>();
        for (BackupManifest.FileEntry f : List.of(c.preData(), c.postData(), c.history())) {
            try {
                String sha = Sha256.hex(reader.readBytes(f.entry()));
                if (!sha.equals(f.sha256())) {
                    damaged.add(new IntegrityReport.Damage(f.entry(), null,
                            "its SHA-256 is " + sha + ", the manifest recorded " + f.sha256()));
                }
            } catch (IOException e) {
                damaged.add(new IntegrityReport.Damage(f.entry(), null, describe(e)));
            }
        }
        for (BackupManifest.TableEntry t : c.tables()) {
            CopyStreamDigest digest = new CopyStreamDigest(CopyStreamDigest.Measure.STREAM);
            try (InputStream in = reader.openTable(t.entry())) {
                in.transferTo(digest);
                String diff = difference(digest.finish(), t.digest());
                if (diff != null) {
                    damaged.add(new IntegrityReport.Damage(t.entry(), t.table().toString(), diff));
                }
            } catch (IOException e) {
                damaged.add(new IntegrityReport.Damage(t.entry(), t.table().toString(), describe(e)));
            }
        }
        return damaged;
    }

    /** Null when equal; else what differs, in words. A hash {@code actual} did not compute is not compared. */
    static String difference(CopyDigest actual, CopyDigest expected) {
        List<String> parts = new ArrayList<>();
        if (actual.rows() != expected.rows()) {
            parts.add(actual.rows() + " rows where the manifest recorded " + expected.rows());
        }
        if (actual.bytes() != expected.bytes()) {
            parts.add(actual.bytes() + " bytes where the manifest recorded " + expected.bytes());
        }
        if (actual.sha256() != null && !actual.sha256().equals(expected.sha256())) {
            parts.add("stream SHA-256 " + actual.sha256() + " where the manifest recorded " + expected.sha256());
        }
        if (actual.contentHash() != null && !actual.contentHash().equals(expected.contentHash())) {
            parts.add("content hash " + actual.contentHash() + " where the manifest recorded " + expected.contentHash());
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    static String describe(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "it cannot be read: " + m;
    }

    /** The Problem for a damaged archive, naming what was hit. */
    static Problem problem(IntegrityReport report, String state) {
        String subjects = report.damaged().stream().map(IntegrityReport.Damage::subject).collect(Collectors.joining(", "));
        StringBuilder why = new StringBuilder();
        if (report.actualBytes() < 0) {
            why.append("The archive file is missing.");
        } else {
            why.append("The archive's SHA-256 is ").append(report.actualSha256()).append(" (")
                    .append(report.actualBytes()).append(" bytes); the manifest recorded ")
                    .append(report.expectedSha256()).append(" (").append(report.expectedBytes()).append(" bytes).");
        }
        for (IntegrityReport.Damage d : report.damaged()) {
            why.append(' ').append(capitalize(d.subject())).append(": ").append(d.reason()).append('.');
        }
        if (report.damaged().isEmpty() && report.actualBytes() >= 0) {
            why.append(" Every entry still matches, so the damage is in the tar headers or padding.");
        }
        String what = report.damaged().isEmpty()
                ? "The backup archive " + report.archive() + " does not match its manifest."
                : "The backup archive " + report.archive() + " is damaged: " + subjects + ".";
        return Problem.precondition(what)
                .why(why.toString())
                .fix("Use another copy of this backup (or the pg_dump file beside it, if one was written); "
                        + "a damaged archive cannot be trusted for any table.")
                .state(state)
                .build();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
