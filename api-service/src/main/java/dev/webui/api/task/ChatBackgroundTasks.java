package dev.webui.api.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.webui.api.completion.CompletionFinished;
import dev.webui.api.completion.CompletionRequest;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.events.EmitRequest;
import dev.webui.common.events.EventPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * After a socket-mode answer, the tasks the request asked for in {@code background_tasks}, in
 * Open WebUI's order (docs/completions.md, "Background tasks"): follow-ups, title, tags; each saved into the chat
 * (never for temporary chats) and announced with its chat-event. One failing does not stop the next.
 * A task model whose answer has no usable value (unparsable, the prompt's placeholders, an echo of
 * the prompt) gives no follow-ups and no tags, and the title falls back to the user's message.
 */
@ApplicationScoped
public class ChatBackgroundTasks {
    private static final Logger LOG = Logger.getLogger(ChatBackgroundTasks.class);
    private static final int MAX_TITLE = 120;

    private final TaskGenerator generator;
    private final ChatMetaStore chats;
    private final EventPublisher publisher;
    private final ObjectMapper mapper;

    public ChatBackgroundTasks(TaskGenerator generator, ChatMetaStore chats, EventPublisher publisher, ObjectMapper mapper) {
        this.generator = generator;
        this.chats = chats;
        this.publisher = publisher;
        this.mapper = mapper;
    }

    void onFinished(@ObservesAsync CompletionFinished finished) {
        CompletionRequest request = finished.request();
        JsonNode asked = request.backgroundTasks();
        if (asked == null || !asked.isObject()) {
            return;
        }
        ArrayNode messages = request.body().path("messages").isArray()
                ? (ArrayNode) request.body().get("messages").deepCopy() : mapper.createArrayNode();
        messages.addObject().put("role", "assistant").put("content", TaskPrompts.withoutDetails(finished.answer()));
        List<Supplier<Uni<Void>>> steps = new ArrayList<>();
        if (asked.path("follow_up_generation").asBoolean(false) && generator.enabled(TaskKind.FOLLOW_UPS)) {
            steps.add(() -> followUps(finished, messages));
        }
        if (asked.has("title_generation")) {
            steps.add(() -> title(finished, messages, asked.path("title_generation").asBoolean(false)));
        }
        if (asked.path("tags_generation").asBoolean(false) && generator.enabled(TaskKind.TAGS)) {
            steps.add(() -> tags(finished, messages));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Supplier<Uni<Void>> step : steps) {
            chain = chain.chain(() -> step.get().onFailure().invoke(e -> LOG.warnf(e, "A background task of chat %s failed",
                    request.chatId())).onFailure().recoverWithNull());
        }
        chain.subscribe().with(ignored -> { });
    }

    private Uni<Void> followUps(CompletionFinished finished, ArrayNode messages) {
        CompletionRequest request = finished.request();
        return generator.value(finished.user(), TaskKind.FOLLOW_UPS, finished.model().id(), messages, finished.taskSource()).chain(value -> {
            if (value == null || !value.isArray()) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> saved = request.persists() ? chats.setFollowUps(request.chatId(), request.messageId(), value)
                    : Uni.createFrom().voidItem();
            return saved.chain(() -> emit(finished, "chat:message:follow_ups", Map.of("follow_ups", value)));
        });
    }

    private Uni<Void> title(CompletionFinished finished, ArrayNode messages, boolean generate) {
        CompletionRequest request = finished.request();
        Uni<String> title;
        if (generate && generator.enabled(TaskKind.TITLE)) {
            // an answer without a usable title falls back to the user's message, as Open WebUI does
            title = generator.value(finished.user(), TaskKind.TITLE, finished.model().id(), messages, finished.taskSource())
                    .map(value -> value != null && value.isTextual() ? value.textValue() : firstUserText(messages));
        } else {
            title = Uni.createFrom().item(firstUserText(messages));
        }
        return title.chain(text -> {
            if (text == null || text.isBlank()) {
                return Uni.createFrom().voidItem();
            }
            String clipped = text.length() > MAX_TITLE ? text.substring(0, MAX_TITLE) : text;
            Uni<Void> saved = request.persists() ? chats.setTitle(finished.user().id(), request.chatId(), clipped)
                    : Uni.createFrom().voidItem();
            return saved.chain(() -> emit(finished, "chat:title", clipped));
        });
    }

    private Uni<Void> tags(CompletionFinished finished, ArrayNode messages) {
        CompletionRequest request = finished.request();
        return generator.value(finished.user(), TaskKind.TAGS, finished.model().id(), messages, finished.taskSource()).chain(value -> {
            List<String> names = new ArrayList<>();
            if (value != null && value.isArray()) {
                value.forEach(tag -> names.add(tag.textValue()));
            }
            if (names.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Uni<?> saved = request.persists() ? chats.addTags(finished.user().id(), request.chatId(), names)
                    : Uni.createFrom().voidItem();
            return saved.chain(() -> emit(finished, "chat:tags", names));
        });
    }

    private Uni<Void> emit(CompletionFinished finished, String type, Object data) {
        AuthenticatedUser user = finished.user();
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("type", type);
        inner.put("data", data);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("chat_id", finished.request().chatId());
        envelope.put("message_id", finished.request().messageId());
        envelope.put("data", inner);
        return publisher.emit(new EmitRequest("chat-events", envelope, EmitRequest.Target.users(user.id())));
    }

    private static String firstUserText(ArrayNode messages) {
        for (JsonNode message : messages) {
            if ("user".equals(message.path("role").asText())) {
                return TaskPrompts.text(message.get("content"));
            }
        }
        return null;
    }
}
