package dev.webui.api.channel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The files of a message's {@code data.files} (the stock UI's FileItems). Each item that names an
 * uploaded file ({@code id}) must be a file of the message's author: posting a file shares it with the
 * channel's readers (file-service lets them read files attached by their owner), so nobody can share
 * a file that is not theirs. Images carried as data URLs have no id and need no check.
 */
@ApplicationScoped
public class MessageFiles {
    private final MessageFileRepository files;

    public MessageFiles(MessageFileRepository files) {
        this.files = files;
    }

    /** Fails with 400 for a malformed list, 403 for a file the author does not own (or that does not exist). */
    public Uni<Void> check(JsonNode data, String authorId) {
        List<String> ids = ids(data);
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return files.ownedBy(authorId, ids).map(owned -> {
            for (String id : ids) {
                if (!owned.contains(id)) {
                    throw ApiException.forbidden("File " + id + " is not a file of the message's author");
                }
            }
            return null;
        });
    }

    private static List<String> ids(JsonNode data) {
        JsonNode list = data == null ? null : data.get("files");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw ApiException.badRequest("'data.files' must be a list");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isObject()) {
                throw ApiException.badRequest("Each item of 'data.files' must be an object");
            }
            JsonNode id = item.get("id");
            if (id != null && !id.isNull()) {
                if (!id.isTextual() || id.textValue().isBlank()) {
                    throw ApiException.badRequest("A file's 'id' must be a text");
                }
                ids.add(id.textValue());
            } else if ("file".equals(item.path("type").asText())) {
                throw ApiException.badRequest("A file item needs the 'id' of an uploaded file");
            }
        }
        return ids.stream().distinct().toList();
    }
}
