package dev.webui.files.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Files in one directory (UPLOAD_DIR), stored under their server-chosen key. */
public class LocalFileStorage implements FileStorage {
    private final Path root;

    public LocalFileStorage(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    @Override
    public String put(String key, Path source) throws IOException {
        Path target = resolveKey(key);
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // the upload's temp file sits on another file system: copy, then drop the temp file
            Path partial = root.resolve(key + ".part");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(source);
        }
        return target.toString();
    }

    @Override
    public InputStream open(String location, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(resolveLocation(location), StandardOpenOption.READ);
        channel.position(offset);
        InputStream in = Channels.newInputStream(channel);
        return length < 0 ? in : new BoundedInputStream(in, length);
    }

    @Override
    public long size(String location) throws IOException {
        return Files.size(resolveLocation(location));
    }

    @Override
    public void delete(String location) throws IOException {
        Files.deleteIfExists(resolveLocation(location));
    }

    @Override
    public boolean owns(String location) {
        if (location == null) {
            return false;
        }
        Path path = Path.of(location).toAbsolutePath().normalize();
        return path.getParent() != null && path.getParent().equals(root);
    }

    private Path resolveKey(String key) {
        Path target = root.resolve(key).normalize();
        if (!root.equals(target.getParent())) {
            throw new IllegalArgumentException("Storage keys are plain names");
        }
        return target;
    }

    private Path resolveLocation(String location) throws NoSuchFileException {
        if (!owns(location)) {
            throw new NoSuchFileException("not in the upload directory");
        }
        return Path.of(location).toAbsolutePath().normalize();
    }
}
