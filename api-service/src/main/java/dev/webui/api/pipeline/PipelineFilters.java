package dev.webui.api.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.connection.Connection;
import dev.webui.api.connection.OpenAiSettings;
import dev.webui.api.model.ModelCatalog;
import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pipeline filters around a completion, as Open WebUI runs them: the filter pipelines a Pipelines
 * server lists (its models with {@code pipeline.type: "filter"}) whose {@code pipelines} name the
 * model or {@code "*"}, by {@code priority}; a model that is itself a pipeline is asked too (last for
 * the inlet, first for the outlet). Each gets {@code {"user", "body"}} and answers the new body.
 * A filter whose connection has no key is skipped, as in Open WebUI. A server that cannot be reached
 * is skipped (logged); an error with a {@code detail} stops the inlet ({@link PipelineRefused}) and is
 * ignored by the outlet.
 */
@ApplicationScoped
public class PipelineFilters {
    private static final Logger LOG = Logger.getLogger(PipelineFilters.class);

    /** One pipeline to ask: its server and the id the server knows it by. */
    record Target(Connection connection, String pipelineId) {
    }

    private final ModelCatalog catalog;
    private final OpenAiSettings openai;
    private final PipelineServerClient client;

    public PipelineFilters(ModelCatalog catalog, OpenAiSettings openai, PipelineServerClient client) {
        this.catalog = catalog;
        this.openai = openai;
        this.client = client;
    }

    /** Runs the inlet filters for {@code modelId} over {@code body}; the result is the body the last filter answered. */
    public Uni<JsonNode> inlet(AuthenticatedUser user, String modelId, JsonNode body) {
        return targets(modelId, false).chain(targets -> inlet(user, targets, body));
    }

    /** The inlet filters of {@code targets} (from {@code targets(modelId, false)}), in order. */
    Uni<JsonNode> inlet(AuthenticatedUser user, List<Target> targets, JsonNode body) {
        return run(targets, "inlet", user, body, false);
    }

    public Uni<JsonNode> outlet(AuthenticatedUser user, String modelId, JsonNode body) {
        return targets(modelId, true).chain(targets -> run(targets, "outlet", user, body, true));
    }

    Uni<List<Target>> targets(String modelId, boolean outlet) {
        return catalog.snapshot(false).map(snapshot -> {
            List<Connection> connections = openai.connections();
            List<JsonNode> filters = new ArrayList<>();
            JsonNode self = null;
            for (ObjectNode entry : snapshot.base()) {
                JsonNode pipeline = entry.path("openai").path("pipeline");
                if (!pipeline.isObject()) {
                    continue;
                }
                if ("filter".equals(pipeline.path("type").asText()) && targets(pipeline.path("pipelines"), modelId)) {
                    filters.add(entry);
                } else if (modelId.equals(entry.path("id").asText())) {
                    self = entry;
                }
            }
            filters.sort(Comparator.comparingInt(e -> e.path("openai").path("pipeline").path("priority").asInt(0)));
            if (self != null) {
                filters.add(outlet ? 0 : filters.size(), self);
            }
            List<Target> out = new ArrayList<>();
            for (JsonNode entry : filters) {
                int index = entry.path("urlIdx").asInt(-1);
                if (index < 0 || index >= connections.size()) {
                    continue;
                }
                Connection connection = connections.get(index);
                if (connection.key() != null && !connection.key().isBlank()) {
                    out.add(new Target(connection, entry.path("openai").path("id").asText(entry.path("id").asText())));
                }
            }
            return out;
        });
    }

    private static boolean targets(JsonNode pipelines, String modelId) {
        for (JsonNode id : pipelines) {
            if ("*".equals(id.asText()) || modelId.equals(id.asText())) {
                return true;
            }
        }
        return false;
    }

    private Uni<JsonNode> run(List<Target> targets, String hook, AuthenticatedUser user, JsonNode body, boolean lenient) {
        Uni<JsonNode> chain = Uni.createFrom().item(body);
        for (Target target : targets) {
            chain = chain.chain(current -> call(target, hook, user, current, lenient));
        }
        return chain;
    }

    private Uni<JsonNode> call(Target target, String hook, AuthenticatedUser user, JsonNode body, boolean lenient) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.putObject("user").put("id", user.id()).put("email", user.email()).put("name", user.name()).put("role", user.role());
        request.set("body", body);
        String path = "/" + PipelinesResource.segment(target.pipelineId()) + "/filter/" + hook;
        return client.json(target.connection(), "POST", path, request)
                .<JsonNode>map(answer -> answer)
                .onFailure(e -> lenient || !(e instanceof PipelineRefused)).recoverWithItem(e -> {
                    LOG.warnf("Pipeline %s %s filter at %s skipped: %s", target.pipelineId(), hook,
                            target.connection().baseUrl(), e.getMessage());
                    return body;
                });
    }
}
