package dev.consolidate.history;

import java.nio.file.Path;

/**
 * One file read from a migrations folder.
 *
 * @param file     the file on disk
 * @param relative its path relative to the project root, '/'-separated
 * @param bytes    its bytes as stored
 * @param text     the bytes decoded as UTF-8 (decoding is strict: invalid bytes are a Problem)
 */
record SourceFile(Path file, String relative, byte[] bytes, String text) {
    String name() {
        return file.getFileName().toString();
    }
}
