package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Where one completion's answer comes from: a provider over HTTP ({@link ProviderSource}), or the
 * user's own browser for a direct connection (docs/direct-connections.md). The modes read the stream
 * as Server-Sent Events bytes, or take the whole JSON answer.
 */
public interface AnswerSource {
    /** The answer to {@code payload} (with {@code stream: true}) as SSE bytes; {@code call} cancels it. Fails with an {@link UpstreamFault}. */
    Future<ReadStream<Buffer>> stream(UpstreamCall call, ObjectNode payload);

    /** A fresh reader of this source's stream, which yields OpenAI chunks (Ollama's NDJSON is converted). */
    StreamDecoder decoder();

    /** The whole chat.completion answer to {@code payload}. Fails with an {@link UpstreamFault}. */
    Future<JsonNode> json(UpstreamCall call, ObjectNode payload);

    /** Turns any failure of this source into what the user reads. */
    UpstreamFault fault(Throwable error);

    /** What the user reads when the stream stays silent past the idle limit. */
    UpstreamFault silent(int seconds);
}
