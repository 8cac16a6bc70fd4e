package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.connection.Connection;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/** An answer from an OpenAI-compatible connection of the admin's, over HTTP. */
record ProviderSource(UpstreamClient upstream, Connection connection) implements AnswerSource {
    @Override
    public Future<ReadStream<Buffer>> stream(UpstreamCall call, ObjectNode payload) {
        return upstream.send(call, connection, payload).map(response -> response);
    }

    @Override
    public StreamDecoder decoder() {
        return upstream.decoder(connection);
    }

    @Override
    public Future<JsonNode> json(UpstreamCall call, ObjectNode payload) {
        return upstream.json(call, connection, payload);
    }

    @Override
    public UpstreamFault fault(Throwable error) {
        return UpstreamFault.of(error, connection.baseUrl(), upstream.timeoutSeconds());
    }

    @Override
    public UpstreamFault silent(int seconds) {
        return new UpstreamFault(504, "The model provider at " + connection.baseUrl() + " did not answer within " + seconds + " seconds");
    }
}
