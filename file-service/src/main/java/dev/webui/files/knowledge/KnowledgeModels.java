package dev.webui.files.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Wire shapes of /api/v1/knowledge. */
public final class KnowledgeModels {
    private KnowledgeModels() {
    }

    /** A file as listed inside a knowledge base (FileMetadata). */
    public record FileMetadata(String id, JsonNode meta, long createdAt, Long updatedAt) {
    }

    public record UserSummary(String id, String name, String email, String role, String profileImageUrl) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Knowledge(String id, String userId, String name, String description, JsonNode data, JsonNode meta,
                            @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode accessControl, long createdAt, Long updatedAt,
                            List<FileMetadata> files, UserSummary user, List<String> warnings) {
    }

    /** Body of create and update; absent fields keep their value on update. */
    public record KnowledgeForm(String name, String description, JsonNode data, JsonNode meta, JsonNode accessControl) {
    }

    public record FileIdForm(String fileId) {
    }
}
