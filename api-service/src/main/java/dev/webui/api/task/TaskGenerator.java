package dev.webui.api.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.AnswerSource;
import dev.webui.api.completion.ModelResolver;
import dev.webui.api.completion.ResolvedModel;
import dev.webui.api.completion.UpstreamCall;
import dev.webui.api.completion.UpstreamClient;
import dev.webui.api.pipeline.PipelineFilters;
import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs a generation task as one non-streamed completion: the admin's task model (TASK_MODEL for
 * local connections, TASK_MODEL_EXTERNAL for external ones) when the user may use it, else the
 * chat's model; the admin's prompt template, else the built-in one.
 */
@ApplicationScoped
public class TaskGenerator {
    private final ModelResolver models;
    private final UpstreamClient upstream;
    private final SettingsStore settings;
    private final ObjectMapper mapper;
    private final PipelineFilters filters;

    public TaskGenerator(ModelResolver models, UpstreamClient upstream, SettingsStore settings, ObjectMapper mapper,
                         PipelineFilters filters) {
        this.filters = filters;
        this.models = models;
        this.upstream = upstream;
        this.settings = settings;
        this.mapper = mapper;
    }

    public boolean settingEnabled(Setting setting) {
        return settings.bool(setting);
    }

    public boolean enabled(TaskKind kind) {
        return kind.enabled == null || settings.bool(kind.enabled);
    }

    /** The provider's chat.completion answer to the task prompt. */
    public Uni<JsonNode> complete(AuthenticatedUser user, TaskKind kind, String modelId, JsonNode messages, String prompt) {
        return complete(user, kind, modelId, messages, prompt, null);
    }

    /** @param type the autocompletion's kind of text ("General", "Search Query"...), for {{TYPE}} */
    public Uni<JsonNode> complete(AuthenticatedUser user, TaskKind kind, String modelId, JsonNode messages, String prompt, String type) {
        return run(user, kind, modelId, messages, prompt, type).map(Exchange::answer);
    }

    /** AUTOCOMPLETE_GENERATION_INPUT_MAX_LENGTH: the longest text autocompletion accepts; 0 or less means no limit. */
    public int autocompleteLimit() {
        return settings.get(Settings.AUTOCOMPLETE_INPUT_MAX_LENGTH).asInt(-1);
    }

    /**
     * The usable value under the task's key in the JSON the model answered ({@link TaskPrompts#usable}),
     * or null when it answered none, answered the prompt's own placeholders, or echoed the prompt.
     */
    public Uni<JsonNode> value(AuthenticatedUser user, TaskKind kind, String modelId, JsonNode messages) {
        return value(user, kind, modelId, messages, null);
    }

    /** @param direct the user's browser, when {@code modelId} is one of their direct connections; null otherwise */
    public Uni<JsonNode> value(AuthenticatedUser user, TaskKind kind, String modelId, JsonNode messages, AnswerSource direct) {
        Uni<Exchange> asked = direct == null ? run(user, kind, modelId, messages, null, null) : runDirect(kind, modelId, messages, direct);
        return asked.map(exchange -> {
            String text = exchange.answer().path("choices").path(0).path("message").path("content").asText(null);
            if (text == null || text.contains(exchange.prompt().strip())) {
                return null;
            }
            JsonNode object = TaskPrompts.object(mapper, text);
            return object == null ? null : TaskPrompts.usable(object.get(kind.key));
        });
    }

    /**
     * The text the task model answers to {@code messages} (a task of another feature with its own
     * prompt, such as choosing tools), or null when it answered none.
     */
    public Uni<String> answer(AuthenticatedUser user, String modelId, JsonNode messages) {
        return taskModel(user, modelId).chain(model -> {
            ObjectNode body = mapper.createObjectNode();
            body.put("model", model.upstreamId());
            body.set("messages", messages);
            body.put("stream", false);
            return Uni.createFrom().completionStage(() -> upstream.json(new UpstreamCall(), model.connection(), body).toCompletionStage());
        }).map(answer -> answer.path("choices").path(0).path("message").path("content").asText(null));
    }

    private record Exchange(String prompt, JsonNode answer) {
    }

    private Uni<Exchange> run(AuthenticatedUser user, TaskKind kind, String modelId, JsonNode messages, String prompt, String type) {
        return taskModel(user, modelId).chain(model -> {
            String content = prompt(kind, messages, prompt, type);
            ObjectNode body = mapper.createObjectNode();
            body.put("model", model.arena() ? model.selectedModelId() : model.id());
            body.putArray("messages").addObject().put("role", "user").put("content", content);
            body.put("stream", false);
            body.putObject("metadata").put("task", kind.metadataName);
            return filtered(user, body).chain(payload -> {
                payload.remove("metadata");
                payload.put("model", model.upstreamId());
                return Uni.createFrom().completionStage(() -> upstream.json(new UpstreamCall(), model.connection(), payload).toCompletionStage());
            }).map(answer -> new Exchange(content, answer));
        });
    }

    /** A direct connection's model answers its own tasks, through the browser: no task model, no filters (as in Open WebUI). */
    private Uni<Exchange> runDirect(TaskKind kind, String modelId, JsonNode messages, AnswerSource direct) {
        String content = prompt(kind, messages, null, null);
        ObjectNode body = mapper.createObjectNode();
        body.put("model", modelId);
        body.putArray("messages").addObject().put("role", "user").put("content", content);
        body.put("stream", false);
        return Uni.createFrom().completionStage(() -> direct.json(new UpstreamCall(), body).toCompletionStage())
                .map(answer -> new Exchange(content, answer));
    }

    private String prompt(TaskKind kind, JsonNode messages, String prompt, String type) {
        String template = kind.template == null ? null : settings.text(kind.template);
        return TaskPrompts.render((template == null || template.isBlank() ? kind.builtIn : template)
                .replace("{{TYPE}}", type == null ? "" : type), messages, prompt);
    }

    /** The pipeline inlet filters see task prompts too, as in Open WebUI (a filter may refuse them). */
    private Uni<ObjectNode> filtered(AuthenticatedUser user, ObjectNode body) {
        if (user == null) {
            return Uni.createFrom().item(body);
        }
        return filters.inlet(user, body.path("model").asText(), body)
                .map(answer -> answer instanceof ObjectNode object && object.path("messages").isArray() ? object : body);
    }

    private Uni<ResolvedModel> taskModel(AuthenticatedUser user, String modelId) {
        return models.resolve(user, modelId).chain(chat -> {
            boolean external = !"local".equals(chat.connection().config().path("connection_type").asText("external"));
            String chosen = settings.text(external ? Settings.TASK_MODEL_EXTERNAL : Settings.TASK_MODEL);
            if (chosen == null || chosen.isBlank() || chosen.equals(modelId)) {
                return Uni.createFrom().item(chat);
            }
            return models.resolve(user, chosen).onFailure().recoverWithItem(chat);
        });
    }
}
