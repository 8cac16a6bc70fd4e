package dev.webui.files.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.files.db.Json;
import dev.webui.files.processing.FileProcessor;
import dev.webui.files.retrieval.RetrievalSettings;
import dev.webui.files.retrieval.SettingsService;
import dev.webui.files.storage.FileStorage;
import dev.webui.files.vector.ChunkStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FileService {
    private static final Logger LOG = Logger.getLogger(FileService.class);
    static final String NOT_FOUND = "File not found";

    private final FileRepository files;
    private final FileStorage storage;
    private final SettingsService settings;
    private final ContentTypeDetector detector;
    private final FileProcessor processor;
    private final ChunkStore chunks;

    public FileService(FileRepository files, FileStorage storage, SettingsService settings, ContentTypeDetector detector,
                       FileProcessor processor, ChunkStore chunks) {
        this.files = files;
        this.storage = storage;
        this.settings = settings;
        this.detector = detector;
        this.processor = processor;
        this.chunks = chunks;
    }

    /** Stores an upload that the HTTP layer has already written to {@code temp}; the temp file is moved, not copied. */
    public FileModel upload(AuthenticatedUser user, Path temp, String clientName, String metadata, boolean process, boolean background) {
        String name = FileNames.clean(clientName);
        RetrievalSettings limits = settings.current();
        String extension = FileNames.extension(name);
        if (!limits.allowedExtensions().isEmpty() && !limits.allowedExtensions().contains(extension)) {
            throw ApiException.badRequest("File type ." + (extension.isEmpty() ? "(none)" : extension)
                    + " is not allowed. Allowed extensions: " + String.join(", ", limits.allowedExtensions()));
        }
        long size = sizeOf(temp);
        if (limits.fileMaxSizeBytes() != null && size > limits.fileMaxSizeBytes()) {
            throw new ApiException(413, "File size exceeds the limit of " + limits.fileMaxSizeMb() + " MB");
        }
        if (size == 0) {
            throw ApiException.badRequest("The uploaded file is empty");
        }
        JsonNode clientMetadata = parseMetadata(metadata);
        String contentType = detector.detect(temp, name);
        String hash = sha256(temp);

        String id = UUID.randomUUID().toString();
        String location;
        try {
            location = storage.put(id, temp);
        } catch (IOException e) {
            LOG.error("Storing upload failed", e);
            throw new ApiException(503, "The file could not be stored; storage is unavailable");
        }
        ObjectNode meta = Json.MAPPER.createObjectNode();
        meta.put("name", name);
        meta.put("content_type", contentType);
        meta.put("size", size);
        meta.set("data", clientMetadata);
        boolean willProcess = process && processor.processable(contentType);
        ObjectNode data = Json.MAPPER.createObjectNode();
        if (willProcess) {
            data.put("status", ProcessingStatus.PENDING);
            meta.put("collection_name", "file-" + id);
        }
        long now = Instant.now().getEpochSecond();
        FileRow row = new FileRow(id, user.id(), hash, name, location, data, meta, null, now, now);
        try {
            files.insert(row);
        } catch (RuntimeException e) {
            deleteQuietly(location);
            throw e;
        }
        if (willProcess) {
            if (background) {
                processor.submit(id);
            } else {
                processor.process(id);
                return files.find(id).map(FileRow::toModel).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
            }
        }
        return row.toModel();
    }

    public List<FileModel> list(AuthenticatedUser user, boolean withContent) {
        return files.list(user.id(), user.isAdmin(), withContent).stream().map(FileRow::toModel).toList();
    }

    public List<FileModel> search(AuthenticatedUser user, String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw ApiException.badRequest("filename is required");
        }
        String like = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%').replace('?', '_');
        List<FileModel> found = files.searchByName(user.id(), user.isAdmin(), like).stream().map(FileRow::toModel).toList();
        if (found.isEmpty()) {
            throw ApiException.notFound("No files found matching the pattern.");
        }
        return found;
    }

    public FileRow readable(AuthenticatedUser user, String id) {
        return files.findReadable(id, user.id(), user.isAdmin()).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    /** A file for the chat's HTML frame; 404 unless readable and uploaded by an admin. */
    public FileRow readableHtml(AuthenticatedUser user, String id) {
        return files.findReadableHtml(id, user.id(), user.isAdmin()).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    public FileRow writable(AuthenticatedUser user, String id) {
        FileRow file = files.findWritable(id, user.id(), user.isAdmin()).orElse(null);
        if (file == null) {
            // a reader who may not write learns that; anyone else learns nothing
            if (files.findReadable(id, user.id(), user.isAdmin()).isPresent()) {
                throw ApiException.forbidden("You may not change this file");
            }
            throw ApiException.notFound(NOT_FOUND);
        }
        return file;
    }

    public InputStream open(FileRow file, long offset, long length) {
        try {
            return storage.open(file.path(), offset, length);
        } catch (IOException e) {
            throw ApiException.notFound("The file's content is missing from storage");
        }
    }

    public long storedSize(FileRow file) {
        try {
            return storage.size(file.path());
        } catch (IOException e) {
            throw ApiException.notFound("The file's content is missing from storage");
        }
    }

    public String updateContent(AuthenticatedUser user, String id, String content) {
        if (content == null) {
            throw ApiException.badRequest("content is required");
        }
        writable(user, id);
        processor.reindexText(id, Json.stripNul(content));
        return files.find(id).map(FileRow::content).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    public void delete(AuthenticatedUser user, String id) {
        FileRow file = writable(user, id);
        remove(file);
    }

    public int deleteAll() {
        List<FileRow> all = files.allLocations();
        all.forEach(this::remove);
        return all.size();
    }

    private void remove(FileRow file) {
        if (files.delete(file.id())) {
            chunks.removeFile(file.id());
            deleteQuietly(file.path());
        }
    }

    private void deleteQuietly(String location) {
        try {
            if (storage.owns(location)) {
                storage.delete(location);
            }
        } catch (IOException e) {
            LOG.warnf(e, "Stored object %s could not be deleted", location);
        }
    }

    private static JsonNode parseMetadata(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(Json.stripNul(metadata));
            if (!node.isObject()) {
                throw ApiException.badRequest("metadata must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ApiException.badRequest("metadata is not valid JSON");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw ApiException.badRequest("The upload was not received completely");
        }
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Hashing the upload failed", e);
        }
    }

}
