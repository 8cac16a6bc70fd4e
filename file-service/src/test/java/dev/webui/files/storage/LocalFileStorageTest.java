package dev.webui.files.storage;

import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.nio.file.Files;

class LocalFileStorageTest extends StorageContract {
    private FileStorage storage;

    @BeforeEach
    void create() throws IOException {
        storage = new LocalFileStorage(Files.createTempDirectory("local-storage"));
    }

    @Override
    FileStorage storage() {
        return storage;
    }
}
