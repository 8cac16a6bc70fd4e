package dev.webui.api.completion.direct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.AnswerSource;
import dev.webui.api.completion.SseDecoder;
import dev.webui.api.completion.StreamDecoder;
import dev.webui.api.completion.UpstreamCall;
import dev.webui.api.completion.UpstreamFault;
import dev.webui.common.events.EventCaller;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * A completion answered by the user's browser (docs/direct-connections.md): the request goes to the
 * session that sent it as the acknowledged {@code chat-events} event {@code request:chat:completion};
 * the browser calls its own endpoint, acks {@code {"status": true}} and streams the answer on the
 * request's channel, which the bridge forwards here. Without {@code stream} the ack is the answer.
 */
final class DirectSource implements AnswerSource {
    static final String EVENT = "request:chat:completion";

    private final EventCaller caller;
    private final Context context;
    private final Caller who;
    private final ObjectNode modelItem;
    private final int timeoutSeconds;

    /** The request's owner and where their browser is. */
    record Caller(String userId, String sessionId, String chatId, String messageId) {
    }

    DirectSource(EventCaller caller, Context context, Caller who, ObjectNode modelItem, int timeoutSeconds) {
        this.caller = caller;
        this.context = context;
        this.who = who;
        this.modelItem = modelItem;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public Future<ReadStream<Buffer>> stream(UpstreamCall call, ObjectNode payload) {
        String channel = who.userId() + ":" + who.sessionId() + ":" + UUID.randomUUID();
        Runnable[] release = new Runnable[1];
        BrowserStream stream = new BrowserStream(context, () -> release[0].run());
        EventCaller.ListeningCall listening = caller.listen(who.userId(), who.sessionId(), "chat-events", event(payload, channel), timeout(),
                channel, stream::offer);
        release[0] = listening.release();
        if (!call.onCancel(stream::cancel)) {
            return Future.failedFuture(new java.util.concurrent.CancellationException("stopped"));
        }
        return Future.fromCompletionStage(listening.ack().subscribeAsCompletionStage(), context).transform(ack -> {
            if (ack.succeeded() && ack.result() != null && ack.result().path("status").asBoolean(false)) {
                return Future.succeededFuture(stream);
            }
            stream.cancel();
            return Future.failedFuture(ack.failed() ? fault(ack.cause()) : refused(ack.result()));
        });
    }

    /** The browser relays its endpoint's Server-Sent Events lines as they came. */
    @Override
    public StreamDecoder decoder() {
        return new SseDecoder();
    }

    @Override
    public Future<JsonNode> json(UpstreamCall call, ObjectNode payload) {
        // the answer is the ack, but the call still names a channel of the caller's own session: the bridge
        // refuses it for a socket of another user, so no one can have someone else's browser answer for them
        String channel = who.userId() + ":" + who.sessionId() + ":" + UUID.randomUUID();
        EventCaller.ListeningCall listening = caller.listen(who.userId(), who.sessionId(), "chat-events", event(payload, channel), timeout(),
                channel, item -> { });
        return Future.fromCompletionStage(listening.ack().subscribeAsCompletionStage(), context).transform(ack -> {
            listening.release().run();
            if (ack.failed()) {
                return Future.failedFuture(fault(ack.cause()));
            }
            JsonNode answer = ack.result();
            if (answer == null || !answer.isObject() || !answer.has("choices")) {
                return Future.failedFuture(refused(answer));
            }
            return Future.succeededFuture(answer);
        });
    }

    @Override
    public UpstreamFault fault(Throwable error) {
        if (error instanceof UpstreamFault fault) {
            return fault;
        }
        if (error instanceof TimeoutException) {
            return new UpstreamFault(504, "The browser did not start the answer of " + DirectModel.LABEL + " within "
                    + timeoutSeconds + " seconds (is the tab that sent the message still open?)");
        }
        if (error instanceof IllegalStateException) { // the bridge refused: the session is not the caller's
            return new UpstreamFault(403, "The browser session named in the request is not yours");
        }
        return new UpstreamFault(502, "The direct connection failed: " + error.getMessage());
    }

    @Override
    public UpstreamFault silent(int seconds) {
        return new UpstreamFault(504, "The browser stopped sending the answer of " + DirectModel.LABEL + " for " + seconds + " seconds");
    }

    /** The browser answered, but not with a go-ahead: its endpoint's error, as it reported it. */
    private static UpstreamFault refused(JsonNode answer) {
        String reason = null;
        if (answer != null) {
            JsonNode error = answer.has("error") ? answer.get("error") : answer.get("detail");
            if (error != null && error.isTextual()) {
                reason = error.textValue();
            } else if (error != null && error.path("message").isTextual()) {
                reason = error.get("message").textValue();
            }
        }
        return new UpstreamFault(502, "The direct connection failed" + (reason == null || reason.isBlank() ? "" : ": " + reason));
    }

    private Map<String, Object> event(ObjectNode payload, String channel) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("form_data", payload);
        request.put("model", modelItem);
        request.put("channel", channel);
        request.put("session_id", who.sessionId());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("chat_id", who.chatId());
        event.put("message_id", who.messageId());
        event.put("data", Map.of("type", EVENT, "data", request));
        return event;
    }

    private Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }
}
