package dev.webui.api.image;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.webui.api.image.engine.Automatic1111Engine;
import dev.webui.api.image.engine.ComfyUiEngine;
import dev.webui.api.image.engine.ImageSettings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * The engine side of the Images page: the models each engine offers (a fixed list for OpenAI and
 * Gemini, asked of Automatic1111 and ComfyUI) and the URL check. An engine that cannot be asked
 * gives a 400 with its reason, as Open WebUI answers.
 */
@ApplicationScoped
public class ImageModels {
    private static final Map<String, List<String[]>> KNOWN_MODELS = Map.of(
            "openai", List.of(new String[]{"dall-e-2", "DALL·E 2"}, new String[]{"dall-e-3", "DALL·E 3"},
                    new String[]{"gpt-image-1", "GPT-IMAGE 1"}),
            "gemini", List.<String[]>of(new String[]{"imagen-3.0-generate-002", "imagen-3.0 generate-002"}));

    private final SettingsStore store;
    private final Automatic1111Engine automatic1111;
    private final ComfyUiEngine comfyui;

    public ImageModels(SettingsStore store, Automatic1111Engine automatic1111, ComfyUiEngine comfyui) {
        this.store = store;
        this.automatic1111 = automatic1111;
        this.comfyui = comfyui;
    }

    public Uni<ArrayNode> list() {
        ImageSettings settings = ImageSettings.of(store);
        List<String[]> known = KNOWN_MODELS.get(settings.engine());
        if (known != null) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            known.forEach(m -> list.addObject().put("id", m[0]).put("name", m[1]));
            return Uni.createFrom().item(list);
        }
        return switch (settings.engine()) {
            case "comfyui" -> asked(settings.comfyuiUrl(), "ComfyUI", () -> comfyui.models(settings));
            case "", "automatic1111" -> asked(settings.automatic1111Url(), "Automatic1111", () -> automatic1111.models(settings));
            default -> Uni.createFrom().item(JsonNodeFactory.instance.arrayNode());
        };
    }

    /** GET /config/url/verify: true when the engine's URL answers (Automatic1111's options, ComfyUI's object_info). */
    public Uni<Boolean> verify() {
        ImageSettings settings = ImageSettings.of(store);
        return switch (settings.engine()) {
            case "automatic1111" -> asked(settings.automatic1111Url(), "Automatic1111",
                    () -> automatic1111.options(settings).map(options -> true));
            case "comfyui" -> asked(settings.comfyuiUrl(), "ComfyUI", () -> comfyui.verify(settings).map(v -> true));
            default -> Uni.createFrom().item(true);
        };
    }

    /** Loads the model in Automatic1111 when it is the engine, as saving the model there does in Open WebUI. */
    public Uni<Void> select(String model) {
        ImageSettings settings = ImageSettings.of(store);
        if (!settings.engine().isEmpty() && !"automatic1111".equals(settings.engine()) || settings.automatic1111Url().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return asked(settings.automatic1111Url(), "Automatic1111", () -> automatic1111.useModel(settings, model));
    }

    /** The engine's answer; any failure is a 400 that says why (the page shows it). */
    private static <T> Uni<T> asked(String url, String engine, java.util.function.Supplier<Future<T>> call) {
        if (url.isEmpty()) {
            return Uni.createFrom().failure(ApiException.badRequest(engine + " has no URL (Admin > Images)"));
        }
        return Uni.createFrom().completionStage(() -> call.get().toCompletionStage())
                .onFailure().transform(e -> ApiException.badRequest(e instanceof ApiException api ? api.detail()
                        : engine + " could not be asked"));
    }
}
