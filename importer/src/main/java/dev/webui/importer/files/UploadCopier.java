package dev.webui.importer.files;

import java.util.Arrays;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies uploaded bytes from Open WebUI's uploads directory into the layout of file-service's
 * local storage: one file per upload, named by the file id, directly in UPLOAD_DIR, with
 * {@code file.path} = the absolute path of that file. Every copy is verified by SHA-256.
 */
public final class UploadCopier {
    private static final List<String> REMOTE = List.of("s3://", "gs://", "http://", "https://", "az://", "abfs://");

    private final Path source;
    private final Path uploadDir;
    private final boolean dryRun;
    /** File id → name in the source directory, for files named {@code <id>_<name>}. */
    private Map<String, Path> byIdPrefix;

    /** {@code source} (--uploads) and {@code uploadDir} (UPLOAD_DIR) may each be null. */
    public UploadCopier(Path source, Path uploadDir, boolean dryRun) {
        this.source = source;
        this.uploadDir = uploadDir;
        this.dryRun = dryRun;
    }

    /**
     * Where a file row's bytes end up, and what happened on the way; {@code sha256} is the hex
     * SHA-256 of the bytes (as file-service computes it for uploads), null when none were found.
     */
    public record Placement(String path, long size, String sha256, List<String> notes) {
        static Placement unchanged(String path, String note) {
            return new Placement(path, -1, null, List.of(note));
        }
    }

    public static boolean isRemote(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return REMOTE.stream().anyMatch(lower::startsWith);
    }

    public Placement place(String fileId, String filename, String location) throws IOException {
        if (location != null && isRemote(location)) {
            return Placement.unchanged(location, "object-storage location kept, bytes not copied");
        }
        if (!plainName(fileId)) {
            return Placement.unchanged(location, "file id cannot name a stored file, bytes not copied");
        }
        if (source == null || uploadDir == null) {
            return Placement.unchanged(location, "bytes not copied (no --uploads directory given)");
        }
        Path found = find(fileId, filename, location);
        if (found == null) {
            return Placement.unchanged(location, "bytes not found in the uploads directory, path left as it was");
        }
        Path target = uploadDir.resolve(fileId);
        byte[] sourceHash = sha256(found);
        String hex = HexFormat.of().formatHex(sourceHash);
        if (dryRun) {
            return new Placement(target.toString(), Files.size(found), hex, List.of());
        }
        if (Files.isRegularFile(target) && Arrays.equals(sha256(target), sourceHash)) {
            return new Placement(target.toString(), Files.size(target), hex, List.of());
        }
        Path partial = uploadDir.resolve(fileId + ".part");
        byte[] copied;
        try (InputStream in = new DigestInputStream(Files.newInputStream(found), digest());
             OutputStream out = Files.newOutputStream(partial)) {
            in.transferTo(out);
            copied = ((DigestInputStream) in).getMessageDigest().digest();
        }
        if (!Arrays.equals(copied, sourceHash) || !Arrays.equals(sha256(partial), sourceHash)) {
            Files.deleteIfExists(partial);
            throw new IOException("copy of " + found + " does not match its SHA-256 "
                    + hex + " (the source changed during the import or the disk is failing)");
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Placement(target.toString(), Files.size(target), hex, List.of());
    }

    /** By the stored path's base name (Open WebUI itself resolves it so), then by {@code <id>_<name>}. */
    private Path find(String fileId, String filename, String location) throws IOException {
        if (location != null && !location.isBlank()) {
            String base = location.substring(Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\')) + 1);
            Path candidate = plainName(base) ? source.resolve(base) : null;
            if (candidate != null && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        if (filename != null && plainName(fileId + "_" + filename)) {
            Path candidate = source.resolve(fileId + "_" + filename);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return index().get(fileId);
    }

    private synchronized Map<String, Path> index() throws IOException {
        if (byIdPrefix == null) {
            byIdPrefix = new HashMap<>();
            try (Stream<Path> files = Files.list(source)) {
                files.filter(Files::isRegularFile).forEach(p -> {
                    String name = p.getFileName().toString();
                    int underscore = name.indexOf('_');
                    byIdPrefix.putIfAbsent(underscore > 0 ? name.substring(0, underscore) : name, p);
                });
            }
        }
        return byIdPrefix;
    }

    private static boolean plainName(String name) {
        return name != null && !name.isEmpty() && !name.equals(".") && !name.equals("..")
                && name.indexOf('/') < 0 && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
    }

    public static byte[] sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return digest.digest();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
