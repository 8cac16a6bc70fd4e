package dev.webui.api.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.access.PermissionService;
import dev.webui.api.completion.rag.RagTemplate;
import dev.webui.api.completion.step.PayloadStep;
import dev.webui.api.completion.step.StatusEvent;
import dev.webui.api.completion.step.StepContext;
import dev.webui.api.settings.SettingsStore;
import dev.webui.api.task.TaskGenerator;
import dev.webui.api.task.TaskKind;
import dev.webui.common.error.ApiException;
import dev.webui.core.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * The chat's image switch ({@code features.image_generation}), as Open WebUI runs it: "Creating
 * image", the image prompt written by the task model (ENABLE_IMAGE_PROMPT_GENERATION; the user's
 * last message otherwise or when that fails), the engine, then "Image created" with a {@code files}
 * event of the stored images, which are also saved on the answer. The model is told in the system
 * message that the image was shown, or that it could not be made; a failure is an error status and
 * the answer still comes.
 */
@ApplicationScoped
public class ImageGenerationStep implements PayloadStep {
    static final String ACTION = "image_generation";
    static final String SHOWN = "<context>User is shown the generated image, tell the user that the image has been generated</context>";
    static final String FAILED = "<context>Unable to generate an image, tell the user that an error occurred</context>";
    private static final Logger LOG = Logger.getLogger(ImageGenerationStep.class);

    private final ImageGenerator generator;
    private final TaskGenerator tasks;
    private final SettingsStore settings;
    private final PermissionService permissions;

    public ImageGenerationStep(ImageGenerator generator, TaskGenerator tasks, SettingsStore settings, PermissionService permissions) {
        this.generator = generator;
        this.tasks = tasks;
        this.settings = settings;
        this.permissions = permissions;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public boolean wanted(StepContext context) {
        return context.feature("image_generation");
    }

    @Override
    public Uni<Void> run(StepContext context) {
        context.status(ACTION, "Creating image", false);
        JsonNode messages = context.request().body().path("messages");
        String userText = RagTemplate.lastUserText(messages);
        return allowed(context)
                .chain(() -> prompt(context, messages, userText))
                .chain(prompt -> {
                    if (context.stopped().getAsBoolean()) {
                        return Uni.createFrom().<List<String>>nullItem();
                    }
                    return generator.generate(context.authorization(), generator.request(prompt, null, null, 1));
                })
                .invoke(urls -> {
                    if (urls != null) {
                        shown(context, urls);
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    failed(context, e);
                    return null;
                })
                .replaceWithVoid();
    }

    private Uni<Void> allowed(StepContext context) {
        if (!settings.bool(Settings.ENABLE_IMAGE_GENERATION)) {
            return Uni.createFrom().failure(ApiException.forbidden("image generation is disabled"));
        }
        if (context.authorization() == null) {
            return Uni.createFrom().failure(ApiException.forbidden("no user to store the image for"));
        }
        return permissions.require(context.user(), "features", "image_generation")
                .onFailure().transform(e -> ApiException.forbidden("you may not generate images"));
    }

    /** The task model's prompt, or the user's own words when prompt generation is off, fails or says nothing. */
    private Uni<String> prompt(StepContext context, JsonNode messages, String userText) {
        if (!settings.bool(Settings.IMAGE_PROMPT_GENERATION)) {
            return Uni.createFrom().item(userText);
        }
        return tasks.value(context.user(), TaskKind.IMAGE_PROMPT, context.model().id(), messages)
                .map(value -> value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : userText)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Image prompt not generated, using the user's message: %s", e.getMessage());
                    return userText;
                });
    }

    private void shown(StepContext context, List<String> urls) {
        context.status(ACTION, "Image created", true);
        ArrayNode files = JsonNodeFactory.instance.arrayNode();
        urls.forEach(url -> files.addObject().put("type", "image").put("url", url));
        context.events().emit("files", Map.of("files", files));
        JsonNode earlier = context.savedFields().get("files");
        if (earlier != null && earlier.isArray()) {
            files.addAll((ArrayNode) earlier);
        }
        context.savedFields().set("files", files);
        tellModel(context.payload(), SHOWN);
    }

    private void failed(StepContext context, Throwable e) {
        String reason = e instanceof ApiException api ? api.detail() : "the image engine failed";
        if (!(e instanceof ApiException)) {
            LOG.warn("Image generation failed", e);
        }
        context.events().emit("status", StatusEvent.error(ACTION, "An error occurred while generating an image: " + reason));
        tellModel(context.payload(), FAILED);
    }

    /** In front of the system message's text (a system message is added when there is none), as Open WebUI does. */
    static void tellModel(ObjectNode payload, String text) {
        ArrayNode messages = payload.withArray("messages");
        JsonNode first = messages.isEmpty() ? null : messages.get(0);
        if (first instanceof ObjectNode system && "system".equals(system.path("role").asText()) && system.path("content").isTextual()) {
            system.put("content", text + "\n" + system.get("content").asText());
            return;
        }
        messages.insert(0, payload.objectNode().put("role", "system").put("content", text));
    }
}
