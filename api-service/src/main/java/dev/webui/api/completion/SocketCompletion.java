package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.direct.DirectModel;
import dev.webui.api.completion.rag.RagTemplate;
import dev.webui.api.completion.rag.RetrievedContext;
import dev.webui.api.completion.round.AnswerSoFar;
import dev.webui.api.completion.round.RoundHandler;
import dev.webui.api.completion.round.RoundHandlers;
import dev.webui.api.completion.round.RoundOutcome;
import dev.webui.api.completion.round.RoundResult;
import dev.webui.api.completion.round.ToolCallAssembler;
import dev.webui.api.completion.round.UsageTotal;
import dev.webui.api.completion.step.StepContext;
import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One socket-mode answer (docs/completions.md, "Socket mode"): streams from the provider, emits chat-events to the
 * user's sockets, saves the text as it grows and at the end, and ends exactly once: completed,
 * failed (error stored and emitted, text so far kept) or stopped. A streamed answer may take several
 * rounds: after each, the round handlers (tool calls, code interpreter) may run something, show it
 * in the answer and ask the model again, up to {@link CompletionConfig#maxRounds()} times.
 */
final class SocketCompletion {
    private static final Logger LOG = Logger.getLogger(SocketCompletion.class);

    private final CompletionPipeline pipeline;
    private final AuthenticatedUser user;
    private final CompletionPipeline.Prepared prepared;
    private final CompletionRequest request;
    private final ResolvedModel model;
    private final ObjectNode payload;
    private final String taskId;
    private final ChatEventStream events;
    private final AnswerWriter answer;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final int chunkSize;
    private volatile UpstreamCall call = new UpstreamCall();
    private volatile Cancellable roundWork;
    private StepContext stepContext;
    private List<RoundHandler> handlers = List.of();
    /** The round being streamed (0 for the first); events of an earlier round's response are ignored. */
    private int round;
    private ToolCallAssembler toolCalls = new ToolCallAssembler();
    private StringBuilder roundText = new StringBuilder();
    /** Usage of the rounds before this one, and including it. */
    private JsonNode usageBefore;
    private JsonNode usage;
    private int deltas;
    private int emittedDeltas;
    private long timer = -1;
    private CompletionStage<Void> registered = CompletableFuture.completedFuture(null);

    SocketCompletion(CompletionPipeline pipeline, AuthenticatedUser user, CompletionPipeline.Prepared prepared, String taskId) {
        this.pipeline = pipeline;
        this.user = user;
        this.prepared = prepared;
        this.request = prepared.request();
        this.model = prepared.model();
        this.payload = prepared.payload();
        this.taskId = taskId;
        this.events = new ChatEventStream(pipeline.publisher(), user.id(), request.chatId(), request.messageId());
        this.answer = new AnswerWriter(request.persists() ? pipeline.store() : null, request.chatId(), request.messageId());
        int requested = request.body().path("params").path("stream_delta_chunk_size").asInt(1);
        this.chunkSize = Math.max(1, Math.max(pipeline.config().deltaChunkSize(), requested));
    }

    /**
     * Starts the upstream request; everything after runs on the caller's event loop.
     * @param registered completes when the task is in the registry; it is left only after that
     */
    void start(Vertx vertx, CompletionStage<Void> registered) {
        this.registered = registered;
        if (ended.get()) {
            return; // stopped between registration and start
        }
        timer = vertx.setPeriodic(Math.max(50, pipeline.config().saveIntervalMs()), id -> answer.flush());
        answer.begin(model.id());
        String continued = request.continuedText();
        if (continued != null) {
            answer.continueFrom(continued);
        }
        if (model.arena()) {
            events.emit("chat:completion", Map.of("selected_model_id", model.selectedModelId()));
        }
        announceRetrieval();
        Context context = vertx.getOrCreateContext();
        stepContext = pipeline.stepContext(user, prepared, events::emit, ended::get);
        new AnswerSoFar(answer::text).keepIn(stepContext);
        pipeline.runSteps(stepContext, prepared).subscribe().with(
                ready -> context.runOnContext(v -> send()),
                e -> context.runOnContext(v -> fail(e)));
    }

    /** After the steps: the sources as citations (retrieved and found by the steps), then the upstream request. */
    private void send() {
        if (ended.get()) {
            return;
        }
        if (!prepared.sources().isEmpty()) {
            events.emit("chat:completion", Map.of("sources", prepared.sources()));
        }
        handlers = request.stream() && user != null ? pipeline.rounds().wanted(stepContext) : List.of();
        ask();
    }

    /** Sends the payload for the current round. */
    private void ask() {
        UpstreamCall current = new UpstreamCall();
        call = current;
        int asked = round;
        AnswerSource source = prepared.source();
        if (request.stream()) {
            source.stream(current, payload).onComplete(result -> {
                if (result.failed()) {
                    fail(result.cause());
                } else {
                    consume(result.result(), asked);
                }
            });
        } else {
            source.json(current, payload).onComplete(result -> {
                if (result.failed()) {
                    fail(result.cause());
                } else {
                    whole(result.result());
                }
            });
        }
        if (ended.get()) {
            current.cancel(); // stopped while the round was being prepared
        }
    }

    /**
     * As in Open WebUI: how many sources the files gave, or a status saying they could not be
     * searched; a preset's own knowledge is announced as a knowledge search. The sources themselves
     * follow the payload steps ({@link #send()}).
     */
    private void announceRetrieval() {
        RetrievedContext retrieved = prepared.retrieved();
        if (!retrieved.attempted()) {
            return;
        }
        String query = RagTemplate.lastUserText(request.body().path("messages"));
        if (prepared.searchedPresetKnowledge()) {
            events.emit("status", knowledgeSearch(query, false));
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("action", "sources_retrieved");
        if (retrieved.failure() != null) {
            // the cause (logged by RetrievalClient) can name internal hosts: the user gets the outcome only
            status.put("description", "The attached files could not be searched; answering without them");
            status.put("error", true);
        } else {
            status.put("count", retrieved.sources().size());
        }
        status.put("done", true);
        events.emit("status", status);
        if (prepared.searchedPresetKnowledge()) {
            events.emit("status", knowledgeSearch(query, true));
        }
    }

    private static Map<String, Object> knowledgeSearch(String query, boolean done) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("action", "knowledge_search");
        status.put("query", query);
        status.put("done", done);
        if (done) {
            status.put("hidden", true);
        }
        return status;
    }

    /** Stop requested (from any replica): abort the provider's request and keep what arrived. */
    void stop() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        call.cancel();
        Cancellable work = roundWork;
        if (work != null) {
            work.cancel(); // tool calls still running: their results are no longer wanted
        }
        end(null).subscribe().with(ignored -> events.emit("chat:tasks:cancel", null), e -> { });
    }

    private void consume(ReadStream<Buffer> response, int asked) {
        UpstreamCall current = call;
        StreamDecoder decoder = prepared.source().decoder();
        int timeout = pipeline.upstream().timeoutSeconds();
        current.watch(pipeline.vertx(), timeout * 1000L, () -> fail(prepared.source().silent(timeout)));
        response.handler(buffer -> {
            current.touch();
            decoder.feed(buffer, data -> onData(data, asked));
        });
        response.exceptionHandler(e -> {
            if (asked == round) {
                fail(e);
            }
        });
        response.endHandler(v -> {
            decoder.finish(data -> onData(data, asked));
            if (!ended.get() && asked == round) {
                fail(UpstreamFault.cut());
            }
        });
    }

    private void onData(String data, int asked) {
        if (ended.get() || asked != round) {
            return;
        }
        StreamChunk chunk;
        try {
            chunk = StreamChunk.parse(pipeline.mapper(), data);
        } catch (UpstreamFault fault) {
            fail(fault);
            return;
        }
        if (chunk.done()) {
            roundEnded();
            return;
        }
        if (chunk.error() != null) {
            fail(new UpstreamFault(502, chunk.error()));
            return;
        }
        boolean grew = false;
        if (chunk.reasoning() != null) {
            answer.addReasoning(chunk.reasoning());
            grew = true;
        }
        if (chunk.content() != null && !chunk.content().isEmpty()) {
            answer.add(chunk.content());
            roundText.append(chunk.content());
            grew = true;
        }
        if (chunk.toolCalls() != null) {
            toolCalls.add(chunk.toolCalls());
        }
        if (grew) {
            if (++deltas % chunkSize == 0) {
                emittedDeltas = deltas;
                events.content(answer.text());
            }
        }
        if (chunk.usage() != null) {
            usage = UsageTotal.add(usageBefore, chunk.usage());
            events.emit("chat:completion", Map.of("usage", usage));
        }
    }

    /**
     * The provider finished a round: the handlers say whether something runs and the model is asked
     * again (its outcome shown in the answer, its messages appended), or the answer is complete.
     */
    private void roundEnded() {
        call.completed();
        RoundResult result = new RoundResult(round, roundText.toString(), toolCalls.calls());
        round++;
        usageBefore = usage;
        toolCalls = new ToolCallAssembler();
        roundText = new StringBuilder();
        if (handlers.isEmpty() || result.index() >= pipeline.config().maxRounds()) {
            complete();
            return;
        }
        if (deltas != emittedDeltas) {
            emittedDeltas = deltas;
            events.content(answer.text());
        }
        Context context = pipeline.vertx().getOrCreateContext();
        roundWork = RoundHandlers.after(handlers, stepContext, result).subscribe().with(
                outcome -> context.runOnContext(v -> next(outcome)),
                e -> context.runOnContext(v -> fail(e)));
    }

    private void next(RoundOutcome outcome) {
        if (ended.get()) {
            return;
        }
        if (outcome == null) {
            complete();
            return;
        }
        if (outcome.replaced() != null) {
            answer.cut(outcome.replaced());
        }
        answer.addShown(outcome.shown());
        events.content(answer.text());
        payload.withArray("messages").addAll(outcome.nextMessages());
        ask();
    }

    private void whole(JsonNode json) {
        if (json.hasNonNull("error")) {
            fail(new UpstreamFault(502, StreamChunk.errorMessage(json.get("error"))));
            return;
        }
        JsonNode message = json.path("choices").path(0).path("message");
        answer.addReasoning(StreamChunk.reasoning(message));
        JsonNode content = message.path("content");
        answer.add(content.isTextual() ? content.textValue() : "");
        usage = json.get("usage") instanceof ObjectNode u ? u : null;
        events.emit("chat:completion", json);
        complete();
    }

    private void complete() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        call.completed();
        if (deltas != emittedDeltas) {
            events.content(answer.text());
        }
        Uni<String> title = request.persists() ? pipeline.store().title(request.chatId()) : Uni.createFrom().item("New Chat");
        end(null).chain(() -> title.onFailure().recoverWithNull()).subscribe().with(chatTitle -> {
            String text = answer.text();
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("done", true);
            done.put("content", text);
            done.put("title", chatTitle == null ? "New Chat" : chatTitle);
            events.emit("chat:completion", done);
            pipeline.finished(new CompletionFinished(user, request, model, text,
                    DirectModel.requested(request.body()) ? prepared.source() : null));
        }, e -> LOG.errorf(e, "Finishing task %s failed", taskId));
    }

    private void fail(Throwable error) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        call.cancel();
        UpstreamFault fault = prepared.source().fault(error);
        LOG.warnf("Task %s (chat %s) failed: %s", taskId, request.chatId(), fault.getMessage());
        Map<String, Object> content = Map.of("content", fault.getMessage());
        end(Map.of("error", content)).subscribe().with(ignored -> {
            events.emit("chat:message:error", Map.of("error", content));
            events.emit("chat:tasks:cancel", null);
        }, e -> { });
    }

    /** Saves the final state, records usage and leaves the registry; runs once. */
    private Uni<Void> end(Map<String, Object> extra) {
        if (timer >= 0) {
            pipeline.vertx().cancelTimer(timer);
        }
        ObjectMapper mapper = pipeline.mapper();
        ObjectNode fields = pipeline.savedFields(prepared, usage);
        if (extra != null) {
            extra.forEach((k, v) -> fields.set(k, mapper.valueToTree(v)));
        }
        Uni<Void> recorded = usage == null ? Uni.createFrom().voidItem()
                : pipeline.usage().record(user.id(), model.id(), request.persists() ? request.chatId() : null,
                        request.messageId(), usage).onFailure().invoke(e -> LOG.warnf(e, "Usage not recorded"))
                .onFailure().recoverWithNull();
        return answer.finish(fields)
                .chain(() -> recorded)
                // leaving before the registration's writes land would leave a stale entry behind
                .chain(() -> Uni.createFrom().completionStage(registered).onFailure().recoverWithNull())
                .chain(() -> pipeline.tasks().finish(taskId, request.chatId(), user.id()));
    }
}
