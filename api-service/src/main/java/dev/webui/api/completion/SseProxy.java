package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.completion.step.StepEvents;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ErrorResponse;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;

import java.util.Map;

/**
 * SSE mode (docs/completions.md, "SSE mode"): each upstream event is written to the caller as soon as it is complete,
 * never the whole body; a slow caller pauses the upstream. Failures before the first byte are a
 * {@code {"detail"}} answer with a status; later ones an {@code {"error"}} event and the end marker.
 * The provider's events pass unchanged (thinking stays in {@code reasoning_content}); an arena
 * model's pick comes first as {@code {"selected_model_id"}}. With chat_id and id the final text is
 * also saved into that message, thinking as the reasoning block.
 */
final class SseProxy {
    private static final Buffer DONE = Buffer.buffer("data: [DONE]\n\n");

    private final CompletionPipeline pipeline;
    private final AuthenticatedUser user;
    private final CompletionPipeline.Prepared prepared;
    private final HttpServerResponse out;
    private final UpstreamCall call = new UpstreamCall();
    private final StreamDecoder decoder;
    private final AnswerWriter answer;
    private final boolean forwardUsage;
    private JsonNode usage;
    private boolean ended;

    SseProxy(CompletionPipeline pipeline, AuthenticatedUser user, CompletionPipeline.Prepared prepared, HttpServerResponse out) {
        this.pipeline = pipeline;
        this.user = user;
        this.prepared = prepared;
        this.out = out;
        CompletionRequest request = prepared.request();
        this.answer = new AnswerWriter(request.persists() ? pipeline.store() : null, request.chatId(), request.messageId());
        this.forwardUsage = request.body().has("stream_options");
        this.decoder = prepared.source().decoder();
    }

    void run() {
        out.closeHandler(v -> call.cancel());
        answer.begin(prepared.model().id());
        Context context = pipeline.vertx().getOrCreateContext();
        pipeline.runSteps(user, prepared, StepEvents.NONE, out::closed).subscribe().with(
                ready -> context.runOnContext(v -> send()),
                e -> context.runOnContext(v -> refuse(fault(e))));
    }

    private void send() {
        prepared.source().stream(call, prepared.payload()).onComplete(result -> {
            if (result.failed()) {
                refuse(fault(result.cause()));
                return;
            }
            stream(result.result());
        });
    }

    /** A failure before the first byte: a {@code {"detail"}} answer with the status. */
    private void refuse(UpstreamFault fault) {
        if (!out.closed()) {
            out.setStatusCode(fault.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(Json.encode(new ErrorResponse(fault.getMessage())));
        }
    }

    private void stream(ReadStream<Buffer> upstream) {
        out.setStatusCode(200).setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        if (!prepared.sources().isEmpty()) {
            out.write(event(Json.encode(Map.of("sources", prepared.sources()))));
        }
        if (prepared.model().arena()) {
            out.write(event(Json.encode(Map.of("selected_model_id", prepared.model().selectedModelId()))));
        }
        int timeout = pipeline.upstream().timeoutSeconds();
        call.watch(pipeline.vertx(), timeout * 1000L, () -> error(prepared.source().silent(timeout)));
        upstream.handler(buffer -> {
            call.touch();
            decoder.feed(buffer, this::onData);
        });
        upstream.exceptionHandler(e -> error(fault(e)));
        upstream.endHandler(v -> {
            decoder.finish(this::onData);
            error(UpstreamFault.cut());
        });
        out.drainHandler(v -> upstream.resume());
        this.upstream = upstream;
    }

    private ReadStream<Buffer> upstream;

    private void onData(String data) {
        if (ended) {
            return;
        }
        StreamChunk chunk;
        try {
            chunk = StreamChunk.parse(pipeline.mapper(), data);
        } catch (UpstreamFault fault) {
            error(fault);
            return;
        }
        if (chunk.done()) {
            finish(DONE.copy(), false);
            return;
        }
        if (chunk.error() != null) {
            finish(event(data).appendBuffer(DONE), true);
            return;
        }
        if (chunk.reasoning() != null) {
            answer.addReasoning(chunk.reasoning());
        }
        if (chunk.content() != null) {
            answer.add(chunk.content());
        }
        if (chunk.usage() != null) {
            usage = chunk.usage();
            if (!forwardUsage && chunk.json().path("choices").isEmpty()) {
                return;
            }
        }
        out.write(event(data));
        if (out.writeQueueFull() && upstream != null) {
            upstream.pause();
        }
    }

    private void error(UpstreamFault fault) {
        if (ended) {
            return;
        }
        finish(event(Json.encode(Map.of("error", Map.of("message", fault.getMessage())))).appendBuffer(DONE), true);
    }

    /** @param abort whether the provider's request must be torn down (an answer that ended normally keeps its connection for reuse) */
    private void finish(Buffer last, boolean abort) {
        ended = true;
        if (abort) {
            call.cancel();
        } else {
            call.completed();
        }
        if (!out.closed()) {
            out.end(last);
        }
        if (usage != null) {
            pipeline.recordUsage(user, prepared, usage);
        }
        answer.finish(pipeline.savedFields(prepared, usage))
                .subscribe().with(ok -> { }, e -> { });
    }

    private UpstreamFault fault(Throwable e) {
        return prepared.source().fault(e);
    }

    private static Buffer event(String data) {
        return Buffer.buffer(data.length() + 8).appendString("data: ").appendString(data).appendString("\n\n");
    }
}
