package dev.webui.api.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.connection.Connection;
import dev.webui.api.connection.OpenAiClient;
import dev.webui.api.connection.OpenAiSettings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Which OpenAI connections are Pipelines servers: those whose model list carries a
 * {@code pipelines} key, as a Pipelines server's does. Asked live (the Pipelines page is rare);
 * a connection that does not answer is simply not one.
 */
@ApplicationScoped
public class PipelineServers {
    private static final Logger LOG = Logger.getLogger(PipelineServers.class);

    private final OpenAiSettings openai;
    private final OpenAiClient client;

    public PipelineServers(OpenAiSettings openai, OpenAiClient client) {
        this.openai = openai;
        this.client = client;
    }

    /** GET /pipelines/list: {@code {"data": [{"url", "idx"}]}} in connection order. */
    public Uni<ObjectNode> list() {
        List<Uni<ObjectNode>> checks = new ArrayList<>();
        if (openai.enabled()) {
            for (Connection connection : openai.connections()) {
                // a connection with a fixed model list is never asked for its models
                if (connection.enabled() && !connection.baseUrl().isBlank() && connection.modelIds().isEmpty()) {
                    checks.add(check(connection));
                }
            }
        }
        if (checks.isEmpty()) {
            return Uni.createFrom().item(wrap(List.of()));
        }
        return Uni.join().all(checks).andCollectFailures().map(PipelineServers::wrap);
    }

    private Uni<ObjectNode> check(Connection connection) {
        return client.models(connection.baseUrl(), connection.sendsKey() ? connection.key() : null)
                .map(body -> body != null && body.isObject() && body.has("pipelines")
                        ? JsonNodeFactory.instance.objectNode().put("url", connection.baseUrl()).put("idx", connection.index())
                        : null)
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("Connection %d (%s) is not a pipelines server: %s", connection.index(), connection.baseUrl(), e.getMessage());
                    return null;
                });
    }

    private static ObjectNode wrap(List<ObjectNode> found) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode data = out.putArray("data");
        found.stream().filter(java.util.Objects::nonNull).forEach(data::add);
        return out;
    }
}
