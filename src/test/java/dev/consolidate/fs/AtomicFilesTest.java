package dev.consolidate.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws Exception {
        Path target = dir.resolve("baseline.sql");
        AtomicFiles.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("No space left on device");
        }, false));
        assertEquals("old", Files.readString(target));
        assertFalse(Files.exists(dir.resolve("baseline.sql" + AtomicFiles.TEMP_SUFFIX)));
    }

    @Test
    void privateFilesAreOwnerOnly() throws Exception {
        Path target = dir.resolve("backup.tar");
        AtomicFiles.write(target, out -> out.write(1), true);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void createNewRefusesAnExistingFile() throws Exception {
        Path lock = dir.resolve("lock");
        assertTrue(AtomicFiles.createNew(lock, "a"));
        assertFalse(AtomicFiles.createNew(lock, "b"));
        assertEquals("a", Files.readString(lock));
    }

    @Test
    void hashesFilesAndTextTheSameWay() throws Exception {
        Path f = dir.resolve("f");
        Files.writeString(f, "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.ofFile(f));
        assertEquals(Sha256.ofFile(f), Sha256.hex("abc"));
    }
}
