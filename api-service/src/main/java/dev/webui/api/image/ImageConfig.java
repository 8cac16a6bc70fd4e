package dev.webui.api.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.webui.api.json.Bodies;
import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsForm;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Images page's settings, in the shape and under the names of /api/v1/images/config and
 * /image/config, stored at Open WebUI's paths; read by the engines through {@link dev.webui.api.image.engine.ImageSettings}.
 */
@ApplicationScoped
public class ImageConfig {
    static final SettingsForm TOP = SettingsForm.named("enabled", Settings.ENABLE_IMAGE_GENERATION,
            "engine", Settings.IMAGE_ENGINE, "prompt_generation", Settings.IMAGE_PROMPT_GENERATION);
    static final SettingsForm OPENAI = SettingsForm.named("OPENAI_API_BASE_URL", Settings.IMAGES_OPENAI_URL,
            "OPENAI_API_VERSION", Settings.IMAGES_OPENAI_VERSION, "OPENAI_API_KEY", Settings.IMAGES_OPENAI_KEY);
    static final SettingsForm AUTOMATIC1111 = SettingsForm.named("AUTOMATIC1111_BASE_URL", Settings.AUTOMATIC1111_URL,
            "AUTOMATIC1111_API_AUTH", Settings.AUTOMATIC1111_AUTH, "AUTOMATIC1111_CFG_SCALE", Settings.AUTOMATIC1111_CFG_SCALE,
            "AUTOMATIC1111_SAMPLER", Settings.AUTOMATIC1111_SAMPLER, "AUTOMATIC1111_SCHEDULER", Settings.AUTOMATIC1111_SCHEDULER);
    static final SettingsForm COMFYUI = SettingsForm.named("COMFYUI_BASE_URL", Settings.COMFYUI_URL,
            "COMFYUI_API_KEY", Settings.COMFYUI_KEY, "COMFYUI_WORKFLOW", Settings.COMFYUI_WORKFLOW,
            "COMFYUI_WORKFLOW_NODES", Settings.COMFYUI_WORKFLOW_NODES);
    static final SettingsForm GEMINI = SettingsForm.named("GEMINI_API_BASE_URL", Settings.IMAGES_GEMINI_URL,
            "GEMINI_API_KEY", Settings.IMAGES_GEMINI_KEY);
    static final SettingsForm GENERATION = SettingsForm.named("MODEL", Settings.IMAGE_MODEL, "IMAGE_SIZE", Settings.IMAGE_SIZE,
            "IMAGE_STEPS", Settings.IMAGE_STEPS);
    private static final Map<String, SettingsForm> SECTIONS = Map.of("openai", OPENAI, "automatic1111", AUTOMATIC1111,
            "comfyui", COMFYUI, "gemini", GEMINI);
    private static final Pattern SIZE = Pattern.compile("^\\d+x\\d+$");
    private final SettingsStore store;
    private final ImageModels models;

    public ImageConfig(SettingsStore store, ImageModels models) {
        this.store = store;
        this.models = models;
    }

    public ObjectNode view() {
        ObjectNode node = TOP.view(store);
        for (String section : List.of("openai", "automatic1111", "comfyui", "gemini")) {
            node.set(section, SECTIONS.get(section).view(store));
        }
        return node;
    }

    public Uni<ObjectNode> update(JsonNode body) {
        Bodies.require(body);
        Map<Setting, JsonNode> values = new LinkedHashMap<>(TOP.read(body));
        SECTIONS.forEach((name, form) -> values.putAll(form.readIn(body, name)));
        JsonNode nodes = values.get(Settings.COMFYUI_WORKFLOW_NODES);
        if (nodes != null && !(nodes.isArray() && allObjects(nodes))) {
            throw ApiException.badRequest("Invalid value for 'COMFYUI_WORKFLOW_NODES': expected a list of objects");
        }
        JsonNode url = values.get(Settings.COMFYUI_URL);
        if (url != null && url.isTextual()) {
            values.put(Settings.COMFYUI_URL, TextNode.valueOf(url.asText().replaceAll("^/+|/+$", "")));
        }
        return store.save(values).replaceWith(this::view);
    }

    public ObjectNode generation() {
        return GENERATION.view(store);
    }

    /** MODEL, IMAGE_SIZE ("WxH", or "auto" with gpt-image-1) and IMAGE_STEPS (0 or more), as Open WebUI checks them. */
    public Uni<ObjectNode> updateGeneration(JsonNode body) {
        Bodies.require(body);
        JsonNode model = body.get("MODEL");
        JsonNode size = body.get("IMAGE_SIZE");
        JsonNode steps = wholeNumber(body.get("IMAGE_STEPS"));
        if (model == null || !model.isTextual() || size == null || !size.isTextual() || steps == null) {
            throw ApiException.badRequest("Expected MODEL (string), IMAGE_SIZE (string) and IMAGE_STEPS (whole number)");
        }
        if ("auto".equals(size.asText()) && !"gpt-image-1".equals(model.asText())) {
            throw ApiException.badRequest("IMAGE_SIZE auto is only allowed with gpt-image-1");
        }
        if (!"auto".equals(size.asText()) && !SIZE.matcher(size.asText()).matches()) {
            throw ApiException.badRequest("IMAGE_SIZE must look like 512x512 (or auto with gpt-image-1)");
        }
        if (steps.asInt() < 0) {
            throw ApiException.badRequest("IMAGE_STEPS must be 0 or more (e.g. 50)");
        }
        Map<Setting, JsonNode> values = new LinkedHashMap<>();
        values.put(Settings.IMAGE_MODEL, model);
        values.put(Settings.IMAGE_SIZE, size);
        values.put(Settings.IMAGE_STEPS, steps);
        return models.select(model.asText()).chain(() -> store.save(values)).replaceWith(this::generation);
    }

    /** A whole number as sent by a number box: a JSON integer or its text; null otherwise. */
    private static JsonNode wholeNumber(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value;
        }
        try {
            return value.isTextual() ? JsonNodeFactory.instance.numberNode(Integer.parseInt(value.asText().trim())) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean allObjects(JsonNode list) {
        for (JsonNode item : list) {
            if (!item.isObject()) {
                return false;
            }
        }
        return true;
    }
}
