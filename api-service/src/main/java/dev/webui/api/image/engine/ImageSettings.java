package dev.webui.api.image.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.settings.SettingsStore;
import dev.webui.core.settings.Settings;

/** The Images page's settings at one moment, as the engines read them. */
public record ImageSettings(String engine, String model, String size, Integer steps,
                            String openaiUrl, String openaiVersion, String openaiKey,
                            String automatic1111Url, String automatic1111Auth, Double cfgScale, String sampler, String scheduler,
                            String comfyuiUrl, String comfyuiKey, String comfyuiWorkflow, JsonNode comfyuiNodes,
                            String geminiUrl, String geminiKey) {

    public static ImageSettings of(SettingsStore store) {
        JsonNode cfg = store.get(Settings.AUTOMATIC1111_CFG_SCALE);
        JsonNode steps = store.get(Settings.IMAGE_STEPS);
        return new ImageSettings(text(store, Settings.IMAGE_ENGINE), text(store, Settings.IMAGE_MODEL),
                text(store, Settings.IMAGE_SIZE), steps != null && steps.isNumber() ? steps.asInt() : null,
                trimmed(store, Settings.IMAGES_OPENAI_URL), text(store, Settings.IMAGES_OPENAI_VERSION),
                text(store, Settings.IMAGES_OPENAI_KEY),
                trimmed(store, Settings.AUTOMATIC1111_URL), text(store, Settings.AUTOMATIC1111_AUTH),
                cfg != null && cfg.isNumber() ? cfg.asDouble() : null,
                text(store, Settings.AUTOMATIC1111_SAMPLER), text(store, Settings.AUTOMATIC1111_SCHEDULER),
                trimmed(store, Settings.COMFYUI_URL), text(store, Settings.COMFYUI_KEY), text(store, Settings.COMFYUI_WORKFLOW),
                store.get(Settings.COMFYUI_WORKFLOW_NODES),
                trimmed(store, Settings.IMAGES_GEMINI_URL), text(store, Settings.IMAGES_GEMINI_KEY));
    }

    /** The model to ask for: the configured one, else the engine's default (as Open WebUI picks it). */
    public String modelOrDefault() {
        if (!model.isEmpty()) {
            return model;
        }
        return switch (engine) {
            case "openai" -> "dall-e-2";
            case "gemini" -> "imagen-3.0-generate-002";
            default -> "";
        };
    }

    private static String text(SettingsStore store, dev.webui.core.settings.Setting setting) {
        String value = store.text(setting);
        return value == null ? "" : value;
    }

    private static String trimmed(SettingsStore store, dev.webui.core.settings.Setting setting) {
        return text(store, setting).strip().replaceAll("/+$", "");
    }
}
