package dev.consolidate.history;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Flyway's checksum of a SQL migration: CRC32 over the UTF-8 bytes of each line without its line
 * terminator (\n, \r\n or \r), a byte-order mark stripped from the first line, read as a signed int.
 */
final class FlywayChecksum {
    private FlywayChecksum() {
    }

    static int of(String text) {
        CRC32 crc = new CRC32();
        int len = text.length();
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int i = start;
        while (i < len) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                crc.update(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
                if (c == '\r' && i + 1 < len && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
            i++;
        }
        if (start < len) {
            crc.update(text.substring(start, len).getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }
}
