package dev.webui.auth.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.common.settings.SettingsDocument;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * auth-service's view of the suite's settings document ({@link SettingsDocument}), at Open
 * WebUI's dotted paths ({@code ui.enable_signup} is {@code data.ui.enable_signup}), as Vert.x JSON.
 */
@ApplicationScoped
public class StoredConfigRepository {
    private final SettingsDocument document;
    private final ObjectMapper mapper;

    public StoredConfigRepository(SettingsDocument document, ObjectMapper mapper) {
        this.document = document;
        this.mapper = mapper;
    }

    public Uni<JsonObject> load() {
        return document.current().map(data -> new JsonObject(mapper.convertValue(data, Map.class)));
    }

    /** Sets each dotted path to its value (creating intermediate objects) in one locked write; other keys keep theirs. */
    public Uni<Void> write(Map<String, Object> values) {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        values.forEach((path, value) -> nodes.put(path, mapper.valueToTree(value instanceof JsonObject json ? json.getMap() : value)));
        return document.set(nodes).replaceWithVoid();
    }

    /** The value at a dotted path, or null when any step is missing. */
    public static Object get(JsonObject data, String path) {
        Object current = data;
        for (String step : path.split("\\.")) {
            if (!(current instanceof JsonObject object)) {
                return null;
            }
            current = object.getValue(step);
        }
        return current;
    }
}
