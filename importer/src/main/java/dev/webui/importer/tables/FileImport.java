package dev.webui.importer.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.importer.files.UploadCopier;
import dev.webui.importer.target.Insert;
import dev.webui.importer.value.Json;
import dev.webui.importer.value.RowReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code file} rows, with their bytes copied into UPLOAD_DIR and {@code path} remapped. The
 * {@code hash} column takes file-service's meaning, the SHA-256 of the bytes (NULL when the bytes
 * were not copied); Open WebUI's own hash, of the extracted text, moves to {@code meta.openwebui_hash}.
 */
public final class FileImport extends NamedImport {
    /** The row being mapped: its JSON is parsed once, its path and hash decided by the copy. */
    private String path;
    private String hash;
    private JsonNode data;
    private JsonNode meta;

    private final Columns columns = Columns.of("file")
            .text("id").text("user_id", "").value("hash", r -> hash).text("filename", "file")
            .value("path", r -> path)
            .json("data", r -> data).json("meta", r -> meta).json("access_control")
            .requiredSeconds("created_at", "updated_at").seconds("updated_at");

    public FileImport() {
        super("file", 100);
    }

    @Override
    public List<Insert> map(RowReader row, ImportContext context) throws Exception {
        String id = row.id();
        if (id == null || id.isEmpty()) {
            context.report().table("file").skip("no id", null);
            return List.of();
        }
        meta = row.json("meta");
        data = row.json("data");
        String location = row.text("path");
        if (location == null && meta != null && meta.path("path").isTextual()) {
            location = meta.path("path").textValue();
            row.repair("path taken from meta.path (pre-0.5 row)");
        }
        UploadCopier.Placement placement;
        try {
            placement = context.uploads().place(id, row.text("filename"), location);
        } catch (IOException e) {
            context.report().table("file").skip("bytes could not be copied: " + e.getMessage(), id);
            return List.of();
        }
        placement.notes().forEach(row::repair);
        if (placement.size() >= 0 && meta != null && meta.path("size").isIntegralNumber()
                && meta.path("size").longValue() != placement.size()) {
            row.repair("meta.size differs from the bytes found, kept as it was");
        }
        checkTextHash(row, data);
        String openWebuiHash = row.text("hash");
        if (openWebuiHash != null) {
            if (meta == null) {
                meta = Json.MAPPER.createObjectNode();
            }
            if (meta instanceof ObjectNode object) {
                object.put("openwebui_hash", openWebuiHash);
            } else {
                row.repair("meta is not an object, Open WebUI's hash not kept");
            }
        }
        queueForEmbedding(row, data);
        path = placement.path();
        hash = placement.sha256();
        return List.of(columns.insert(row));
    }

    /**
     * Vectors are not imported; file-service's re-index embeds every file whose
     * {@code data.status} is completed. Rows from before Open WebUI recorded a status but with
     * extracted text were processed files, so they are marked as such to be included.
     */
    private static void queueForEmbedding(RowReader row, JsonNode data) {
        if (data instanceof ObjectNode object && !object.has("status") && object.path("content").isTextual()
                && !object.path("content").textValue().isBlank()) {
            object.put("status", "completed");
            row.repair("extracted text without data.status, marked completed so that the re-index embeds it");
        }
    }

    /** Open WebUI's hash is the SHA-256 of the extracted text (data.content); report rows where it is not. */
    private static void checkTextHash(RowReader row, JsonNode data) throws Exception {
        String hash = row.text("hash");
        if (hash == null || data == null || !data.path("content").isTextual()) {
            return;
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(data.path("content").textValue().getBytes(StandardCharsets.UTF_8));
        if (!HexFormat.of().formatHex(digest).equalsIgnoreCase(hash)) {
            row.repair("hash does not match the extracted text, kept as it was");
        }
    }
}
