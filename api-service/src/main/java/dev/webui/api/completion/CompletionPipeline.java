package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.direct.DirectConnections;
import dev.webui.api.completion.direct.DirectModel;
import dev.webui.api.completion.rag.PresetKnowledge;
import dev.webui.api.completion.rag.RagTemplate;
import dev.webui.api.completion.rag.RetrievalClient;
import dev.webui.api.completion.rag.RetrievedContext;
import dev.webui.api.completion.rag.TemplateSource;
import dev.webui.api.completion.round.RoundHandlers;
import dev.webui.api.completion.step.PayloadSteps;
import dev.webui.api.completion.step.StepContext;
import dev.webui.api.completion.step.StepEvents;
import dev.webui.api.task.TaskRegistry;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.common.events.EventPublisher;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;

/**
 * The completion rules (docs/contract.md, "Chat flow"; docs/completions.md): resolve the model among those the caller may
 * use, refuse a chat that is not theirs, build the upstream body, then run one of the three modes.
 */
@ApplicationScoped
public class CompletionPipeline {
    private static final Logger LOG = Logger.getLogger(CompletionPipeline.class);

    /**
     * What a request resolved to. The payload gets the RAG template, filled with {@link #sources()}, only
     * after the payload steps ran ({@link #runSteps}): steps such as web search add sources of their own.
     *
     * @param authorization the caller's Authorization header, null for an internal caller
     * @param sources       the retrieved sources, then those the steps add; saved on the answer
     * @param savedFields   fields the steps add to the saved answer
     * @param source        where the answer comes from: the model's connection, or the user's browser
     */
    public record Prepared(CompletionRequest request, ResolvedModel model, ObjectNode payload, RetrievedContext retrieved,
                           String authorization, List<ObjectNode> sources, ObjectNode savedFields, AnswerSource source) {
        /** Whether the preset's own knowledge was searched (announced as a knowledge search). */
        boolean searchedPresetKnowledge() {
            return PresetKnowledge.present(model.presetMeta());
        }
    }

    private final ModelResolver models;
    private final UpstreamClient upstream;
    private final MessageStore store;
    private final UsageRepository usage;
    private final EventPublisher publisher;
    private final TaskRegistry tasks;
    private final CompletionConfig config;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final Event<CompletionFinished> finished;
    private final RetrievalClient retrieval;
    private final TemplateSource templates;
    private final MemoryContext memories;
    private final PayloadSteps steps;
    private final RoundHandlers rounds;
    private final DirectConnections direct;

    public CompletionPipeline(ModelResolver models, UpstreamClient upstream, MessageStore store, UsageRepository usage,
                              EventPublisher publisher, TaskRegistry tasks, CompletionConfig config, ObjectMapper mapper,
                              Vertx vertx, Event<CompletionFinished> finished, RetrievalClient retrieval, TemplateSource templates,
                              MemoryContext memories, PayloadSteps steps, RoundHandlers rounds, DirectConnections direct) {
        this.direct = direct;
        this.memories = memories;
        this.rounds = rounds;
        this.steps = steps;
        this.retrieval = retrieval;
        this.templates = templates;
        this.models = models;
        this.upstream = upstream;
        this.store = store;
        this.usage = usage;
        this.publisher = publisher;
        this.tasks = tasks;
        this.config = config;
        this.mapper = mapper;
        this.vertx = vertx;
        this.finished = finished;
    }

    /** @param authorization the caller's Authorization header, forwarded to file-service for attached files */
    public Uni<Prepared> prepare(AuthenticatedUser user, JsonNode body, String authorization) {
        CompletionRequest request = CompletionRequest.parse(body);
        Uni<Void> chatCheck = !request.persists() ? Uni.createFrom().voidItem()
                : store.ownedTitle(user.id(), request.chatId()).invoke(title -> {
                    if (title == null) {
                        throw ApiException.notFound("Chat not found");
                    }
                }).replaceWithVoid();
        if (DirectModel.requested(body)) {
            // the user's own connection, run by their browser: not in the catalog, no access rule but the admin's switch
            AnswerSource source = direct.source(user, request);
            ResolvedModel model = DirectModel.of(request.model(), body);
            return chatCheck.chain(() -> withModel(user, request, model, authorization, source));
        }
        return chatCheck.chain(() -> models.resolve(user, request.model()))
                .chain(model -> withModel(user, request, model, authorization, new ProviderSource(upstream, model.connection())));
    }

    /** For a caller that resolved the model itself, under the same access rules (a model mentioned in a channel). */
    public Uni<Prepared> prepare(JsonNode body, ResolvedModel model) {
        return withModel(null, CompletionRequest.parse(body), model, null, new ProviderSource(upstream, model.connection()));
    }

    /**
     * The upstream body: the preset's system prompt, then the user's relevant memories, all in the
     * system message; the context retrieved from the attached files and the preset's knowledge is
     * added by {@link #runSteps}, with what the steps found.
     */
    private Uni<Prepared> withModel(AuthenticatedUser user, CompletionRequest request, ResolvedModel model, String authorization,
                                    AnswerSource source) {
        ObjectNode payload = UpstreamPayload.build(request, model, true);
        String query = RagTemplate.lastUserText(request.body().path("messages"));
        JsonNode files = PresetKnowledge.withFiles(request.body().get("files"), model.presetMeta());
        CompletionStage<RetrievedContext> retrieved = retrieval.retrieve(authorization, files, query);
        Uni<String> remembered = memories.forPrompt(user, request, query, authorization).onFailure().recoverWithItem(e -> {
            LOG.warn("Memories not added to the prompt", e);
            return null;
        });
        return remembered.invoke(context -> {
            if (context != null) {
                UpstreamPayload.appendSystem(payload, context);
            }
        }).chain(() -> Uni.createFrom().completionStage(retrieved)).map(context -> new Prepared(request, model, payload,
                context, authorization, new ArrayList<>(context.sources()), mapper.createObjectNode(), source));
    }

    /**
     * Runs the payload steps the request wants (web search, image generation, tools...), then puts
     * every source into the system message through the RAG template. Called once per completion,
     * right before the request goes upstream; without a user (a model mentioned in a channel) only
     * the template is applied.
     */
    public Uni<Void> runSteps(AuthenticatedUser user, Prepared prepared, StepEvents events, BooleanSupplier stopped) {
        return runSteps(stepContext(user, prepared, events, stopped), prepared);
    }

    /** What the steps and then the round handlers of one completion see. */
    StepContext stepContext(AuthenticatedUser user, Prepared prepared, StepEvents events, BooleanSupplier stopped) {
        return new StepContext(user, prepared.authorization(), prepared.request(), prepared.model(),
                prepared.payload(), prepared.sources(), prepared.savedFields(), events, stopped);
    }

    Uni<Void> runSteps(StepContext context, Prepared prepared) {
        Uni<Void> ran = context.user() == null ? Uni.createFrom().voidItem() : steps.run(context);
        return ran.chain(() -> {
            if (prepared.sources().isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            String query = RagTemplate.lastUserText(prepared.request().body().path("messages"));
            return templates.current().invoke(template ->
                    UpstreamPayload.appendSystem(prepared.payload(), RagTemplate.fill(template, prepared.sources(), query)))
                    .replaceWithVoid();
        });
    }

    /** The fields saved on the answer besides its text: usage, the retrieval's sources and an arena's pick. */
    ObjectNode savedFields(Prepared prepared, JsonNode usageData) {
        ObjectNode fields = prepared.savedFields().deepCopy();
        if (prepared.model().arena()) {
            fields.put("selectedModelId", prepared.model().selectedModelId());
        }
        if (usageData != null) {
            fields.set("usage", usageData);
        }
        if (!prepared.sources().isEmpty()) {
            fields.set("sources", mapper.valueToTree(prepared.sources()));
        }
        return fields;
    }

    /**
     * Socket mode: starts the stream at once and answers with the task id once the task is
     * registered. The registry's Redis writes travel beside the upstream request instead of before
     * it (a stop can already reach the task locally); a failed registration stops the stream.
     */
    public Uni<String> startTask(AuthenticatedUser user, Prepared prepared) {
        String taskId = UUID.randomUUID().toString();
        SocketCompletion completion = new SocketCompletion(this, user, prepared, taskId);
        CompletableFuture<Void> registered = tasks.register(taskId, prepared.request().chatId(), user.id(), completion::stop)
                .subscribeAsCompletionStage();
        completion.start(vertx, registered);
        return Uni.createFrom().completionStage(registered)
                .onFailure().invoke(e -> {
                    LOG.warnf(e, "Task %s could not be registered, stopping it", taskId);
                    completion.stop();
                })
                .replaceWith(taskId);
    }

    /** Non-streaming API call: the provider's JSON answer; usage recorded, the answer saved when a chat message is named. */
    public Future<JsonNode> json(AuthenticatedUser user, Prepared prepared) {
        Future<Void> ready = Future.fromCompletionStage(runSteps(user, prepared, StepEvents.NONE, () -> false)
                .subscribeAsCompletionStage(), vertx.getOrCreateContext());
        return ready.compose(v -> prepared.source().json(new UpstreamCall(), prepared.payload())).map(json -> {
            if (prepared.model().arena() && json instanceof ObjectNode object) {
                object.put("selected_model_id", prepared.model().selectedModelId());
            }
            return json;
        }).onSuccess(json -> {
            JsonNode usageData = json.get("usage") instanceof ObjectNode u ? u : null;
            if (usageData != null) {
                recordUsage(user, prepared, usageData);
            }
            CompletionRequest request = prepared.request();
            if (request.persists()) {
                JsonNode message = json.path("choices").path(0).path("message");
                AnswerContent content = new AnswerContent();
                content.reasoning(StreamChunk.reasoning(message));
                content.content(message.path("content").asText(""));
                content.finish();
                ObjectNode fields = savedFields(prepared, usageData);
                store.begin(request.chatId(), request.messageId(), prepared.model().id())
                        .chain(() -> store.finish(request.chatId(), request.messageId(), content.text(), fields))
                        .subscribe().with(ok -> { }, e -> LOG.warnf(e, "Answer of chat %s not saved", request.chatId()));
            }
        });
    }

    void recordUsage(AuthenticatedUser user, Prepared prepared, JsonNode usageData) {
        CompletionRequest request = prepared.request();
        usage.record(user.id(), prepared.model().id(), request.persists() ? request.chatId() : null, request.messageId(), usageData)
                .subscribe().with(ok -> { }, e -> LOG.warnf(e, "Usage not recorded"));
    }

    void finished(CompletionFinished event) {
        finished.fireAsync(event).exceptionally(e -> {
            LOG.warnf(e, "Background tasks after chat %s failed", event.request().chatId());
            return null;
        });
    }

    RoundHandlers rounds() {
        return rounds;
    }

    UpstreamClient upstream() {
        return upstream;
    }

    MessageStore store() {
        return store;
    }

    UsageRepository usage() {
        return usage;
    }

    EventPublisher publisher() {
        return publisher;
    }

    TaskRegistry tasks() {
        return tasks;
    }

    CompletionConfig config() {
        return config;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    Vertx vertx() {
        return vertx;
    }
}
