package dev.webui.files.storage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every FileStorage must do; run against the local directory and a real S3 server. */
abstract class StorageContract {
    static final byte[] BYTES = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

    abstract FileStorage storage();

    Path temp(byte[] content) throws IOException {
        Path file = Files.createTempFile("storage-contract", ".bin");
        Files.write(file, content);
        return file;
    }

    @Test
    void putTakesOverTheFileAndReadsBackWholeAndInRanges() throws IOException {
        Path source = temp(BYTES);
        String location = storage().put(UUID.randomUUID().toString(), source);
        assertFalse(Files.exists(source), "the source is taken over");
        assertTrue(storage().owns(location));
        assertEquals(BYTES.length, storage().size(location));
        try (InputStream in = storage().open(location, 0, -1)) {
            assertArrayEquals(BYTES, in.readAllBytes());
        }
        try (InputStream in = storage().open(location, 10, 5)) {
            assertEquals("abcde", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
        try (InputStream in = storage().open(location, 15, -1)) {
            assertEquals("fghij", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void deleteRemovesTheObjectAndIsIdempotent() throws IOException {
        String location = storage().put(UUID.randomUUID().toString(), temp(BYTES));
        storage().delete(location);
        assertThrows(NoSuchFileException.class, () -> storage().size(location));
        assertThrows(NoSuchFileException.class, () -> storage().open(location, 0, -1).close());
        storage().delete(location);
    }

    @Test
    void foreignLocationsAreNeverTouched() {
        assertFalse(storage().owns("/etc/passwd"));
        assertFalse(storage().owns("s3://someone-elses-bucket/key"));
        assertFalse(storage().owns(null));
        assertThrows(IOException.class, () -> storage().open("/etc/passwd", 0, -1).close());
    }

    @Test
    void keysThatLookLikePathsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> storage().put("../escape", temp(BYTES)));
    }
}
