package dev.consolidate.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.consolidate.fs.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    private static String digest(String stream, int... splits) throws Exception {
        CopyStreamDigest d = new CopyStreamDigest(CopyStreamDigest.Measure.BOTH);
        byte[] b = stream.getBytes(StandardCharsets.UTF_8);
        int from = 0;
        for (int s : splits) {
            d.write(b, from, s - from);
            from = s;
        }
        d.write(b, from, b.length - from);
        return d.finish().contentHash();
    }

    @Test
    void rowOrderDoesNotMatterButEveryRowCounts() throws Exception {
        String a = digest("1\tone\n2\ttwo\n3\t\\N\n");
        assertEquals(a, digest("3\t\\N\n1\tone\n2\ttwo\n"));
        assertNotEquals(a, digest("1\tone\n2\ttwo\n"));
        // Two equal rows do not cancel out (as they would with XOR).
        assertNotEquals(digest("x\n"), digest("x\nx\nx\n"));
        assertNotEquals(digest(""), digest("x\nx\n"));
    }

    @Test
    void howTheStreamIsCutIntoWritesDoesNotMatter() throws Exception {
        String rows = "alpha\tbeta\nga\\nmma\n\ndelta\n";
        String whole = digest(rows);
        for (int i = 1; i < rows.length(); i++) {
            assertEquals(whole, digest(rows, i), "split at " + i);
        }
        assertEquals(whole, digest(rows, 1, 2, 3, 11, 12));
    }

    @Test
    void countsRowsAndBytesAndHashesTheStream() throws Exception {
        CopyStreamDigest d = new CopyStreamDigest(CopyStreamDigest.Measure.BOTH);
        byte[] b = "a\nb\n\n".getBytes(StandardCharsets.UTF_8);
        d.write(b, 0, b.length);
        CopyDigest r = d.finish();
        assertEquals(3, r.rows());
        assertEquals(5, r.bytes());
        assertEquals(Sha256.hex(b), r.sha256());
    }

    @Test
    void eachPassComputesOnlyTheHashItComparesAndIsComparedOnlyByIt() throws Exception {
        byte[] b = "1\tone\n2\ttwo\n".getBytes(StandardCharsets.UTF_8);
        CopyDigest both = measure(CopyStreamDigest.Measure.BOTH, b);
        CopyDigest stream = measure(CopyStreamDigest.Measure.STREAM, b);
        CopyDigest content = measure(CopyStreamDigest.Measure.CONTENT, b);
        assertEquals(both.sha256(), stream.sha256());
        assertNull(stream.contentHash());
        assertEquals(both.contentHash(), content.contentHash());
        assertNull(content.sha256());
        assertEquals(2, stream.rows());
        assertEquals(2, content.rows());
        assertNull(ArchiveIntegrity.difference(stream, both));
        assertNull(ArchiveIntegrity.difference(content, both));

        // The same rows in another order: the stream differs, the content does not.
        byte[] swapped = "2\ttwo\n1\tone\n".getBytes(StandardCharsets.UTF_8);
        String streamDiff = ArchiveIntegrity.difference(measure(CopyStreamDigest.Measure.STREAM, swapped), both);
        assertNotNull(streamDiff);
        assertTrue(streamDiff.startsWith("stream SHA-256 "), streamDiff);
        assertNull(ArchiveIntegrity.difference(measure(CopyStreamDigest.Measure.CONTENT, swapped), both));

        // A changed value: each pass names what it measured.
        byte[] changed = "1\tone\n2\ttwO\n".getBytes(StandardCharsets.UTF_8);
        String contentDiff = ArchiveIntegrity.difference(measure(CopyStreamDigest.Measure.CONTENT, changed), both);
        assertNotNull(contentDiff);
        assertTrue(contentDiff.startsWith("content hash "), contentDiff);
    }

    private static CopyDigest measure(CopyStreamDigest.Measure measure, byte[] b) throws Exception {
        CopyStreamDigest d = new CopyStreamDigest(measure);
        d.write(b, 0, b.length);
        return d.finish();
    }

    @Test
    void theWordAtATimeNewlineTestMarksExactlyTheNewlines() {
        for (int position = 0; position < 8; position++) {
            for (int value = 0; value < 256; value++) {
                long word = 0x4141414141414141L & ~(0xFFL << (8 * position)) | ((long) value << (8 * position));
                long expected = value == '\n' ? 0x80L << (8 * position) : 0;
                assertEquals(expected, CopyStreamDigest.newlines(word), "byte " + value + " at " + position);
            }
        }
        // Neighbouring newlines, and the bytes a borrow would mark after one (0x0B, 0x8A, 0x01).
        assertEquals(0x8080_0000_0000_0080L, CopyStreamDigest.newlines(0x0A0A_0B8A_0109_010AL));
    }

    @Test
    void everyPassFindsTheSameRowsHoweverTheWritesFall() throws Exception {
        java.util.Random random = new java.util.Random(7);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ContentHash reference = new ContentHash();
        int rows = 0;
        for (; rows < 300; rows++) {
            byte[] row = new byte[random.nextInt(40)];
            for (int i = 0; i < row.length; i++) {
                // Bytes next to the newline's value and its high-bit twin, but never a newline.
                int[] near = {0x09, 0x0B, 0x8A, 0x01, 0x00, 0x7F, 0xFF, 'a'};
                row[i] = (byte) near[random.nextInt(near.length)];
            }
            reference.add(java.security.MessageDigest.getInstance("SHA-256").digest(row));
            out.write(row);
            out.write('\n');
        }
        byte[] stream = out.toByteArray();
        for (int chunk : new int[] {1, 3, 7, 8, 9, 16, 61, stream.length}) {
            for (CopyStreamDigest.Measure measure : CopyStreamDigest.Measure.values()) {
                CopyStreamDigest d = new CopyStreamDigest(measure);
                for (int from = 0; from < stream.length; from += chunk) {
                    d.write(stream, from, Math.min(chunk, stream.length - from));
                }
                CopyDigest r = d.finish();
                assertEquals(rows, r.rows(), measure + " in writes of " + chunk);
                if (measure != CopyStreamDigest.Measure.STREAM) {
                    assertEquals(reference.hex(), r.contentHash(), measure + " in writes of " + chunk);
                }
            }
        }
        // Without its last newline the stream still holds as many rows, the last one cut short.
        CopyStreamDigest cut = new CopyStreamDigest(CopyStreamDigest.Measure.STREAM);
        cut.write(stream, 0, stream.length - 2);
        assertEquals(rows, cut.finish().rows());
    }

    @Test
    void aStreamCutInsideARowStillCountsThatRow() throws Exception {
        CopyStreamDigest d = new CopyStreamDigest(CopyStreamDigest.Measure.BOTH);
        byte[] b = "a\nhal".getBytes(StandardCharsets.UTF_8);
        d.write(b, 0, b.length);
        assertEquals(2, d.finish().rows());
    }

    @Test
    void theSumCarriesAcrossAllFourLimbsAndWraps() {
        ContentHash h = new ContentHash();
        byte[] ones = new byte[32];
        Arrays.fill(ones, (byte) 0xFF);
        byte[] one = new byte[32];
        one[31] = 1;
        h.add(ones);
        h.add(one);
        assertEquals("0".repeat(64), h.hex());
        h.add(one);
        h.add(one);
        assertEquals("0".repeat(63) + "2", h.hex());
        byte[] high = new byte[32];
        high[24] = 1;
        h.add(high);
        assertEquals("0".repeat(48) + "01" + "0".repeat(13) + "2", h.hex());
    }
}
