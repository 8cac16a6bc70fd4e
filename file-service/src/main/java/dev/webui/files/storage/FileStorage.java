package dev.webui.files.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where upload bytes live. Objects are named by the server (the file id), never by the client's
 * file name; a location is what the {@code file.path} column stores.
 */
public interface FileStorage {
    /** Takes over {@code source} (moved or uploaded, then gone) and returns the stored object's location. */
    String put(String key, Path source) throws IOException;

    /** Reads {@code length} bytes from {@code offset}; a negative length reads to the end. */
    InputStream open(String location, long offset, long length) throws IOException;

    /** Size in bytes of the object at location. */
    long size(String location) throws IOException;

    /** Deletes the object; deleting what is already gone is not an error. */
    void delete(String location) throws IOException;

    /** Whether location names an object this storage holds (guards against forged or foreign paths). */
    boolean owns(String location);
}
