package dev.webui.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.access.AccessChecker;
import dev.webui.api.connection.Connection;
import dev.webui.api.model.ModelCatalog;
import dev.webui.api.model.ModelPreset;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which Ollama server answers a request for a model: an explicit {@code url_idx}, or one of the
 * servers listing the model, taken in turn (round-robin) so that load spreads over them. The model
 * name sent upstream loses the chosen connection's prefix.
 */
@ApplicationScoped
public class OllamaRouter {
    /** Where to send a request, and the model name that server knows. */
    public record Target(Connection connection, String model) {
    }

    private final OllamaSettings settings;
    private final ModelCatalog catalog;
    private final AccessChecker access;
    private final AtomicLong turn = new AtomicLong();

    public OllamaRouter(OllamaSettings settings, ModelCatalog catalog, AccessChecker access) {
        this.settings = settings;
        this.catalog = catalog;
        this.access = access;
    }

    public Connection connection(int idx) {
        return settings.connection(idx);
    }

    /** The merged Ollama entry of /api/models for {@code model} (with or without ":latest"). */
    public Uni<Optional<ObjectNode>> entry(String model) {
        return catalog.snapshot(false).map(snapshot -> find(snapshot.base(), model));
    }

    public Uni<Target> route(String model, Integer urlIdx) {
        if (model == null || model.isBlank()) {
            throw ApiException.badRequest("Missing the name of the model");
        }
        if (urlIdx != null) {
            Connection connection = settings.connection(urlIdx);
            return Uni.createFrom().item(new Target(connection, strip(connection, model)));
        }
        return entry(model).map(found -> at(found.orElseThrow(() -> notFound(model))));
    }

    /** The server for a completion through /api/chat/completions, marked for Ollama's native /api/chat. */
    public Target forCompletion(JsonNode entry) {
        Target target = at(entry);
        Connection c = target.connection();
        return new Target(new Connection(c.index(), c.baseUrl(), c.key(), c.config(), true), target.model());
    }

    /** Every server listing the model (unload goes to all of them). */
    public List<Target> all(JsonNode entry) {
        List<Connection> connections = settings.connections();
        return urls(entry).stream().filter(i -> i < connections.size())
                .map(i -> new Target(connections.get(i), strip(connections.get(i), entry.path("id").asText()))).toList();
    }

    /**
     * Non-admins may use a model only through a preset they may read (the /api/models rule);
     * a preset on a base model sends the base model's name. Answers the name to send on.
     */
    public Uni<Allowed> authorize(AuthenticatedUser user, String model) {
        if (model == null || model.isBlank()) {
            return Uni.createFrom().failure(ApiException.badRequest("Missing the name of the model"));
        }
        return catalog.snapshot(false).chain(snapshot -> {
            ModelPreset preset = snapshot.presets().stream().filter(p -> p.id().equals(model)).findFirst().orElse(null);
            if (preset == null) {
                return user.isAdmin() ? Uni.createFrom().item(new Allowed(model, null))
                        : Uni.createFrom().failure(ApiException.forbidden("Model not found"));
            }
            Allowed allowed = new Allowed(preset.baseModelId() != null ? preset.baseModelId() : model, preset);
            if (user.isAdmin()) {
                return Uni.createFrom().item(allowed);
            }
            return access.rights(user).map(rights -> {
                if (!rights.canRead(preset.userId(), preset.accessControl())) {
                    throw ApiException.forbidden("Model not found");
                }
                return allowed;
            });
        });
    }

    /** The model name to send on and the preset the caller named, if any. */
    public record Allowed(String model, ModelPreset preset) {
    }

    static Optional<ObjectNode> find(List<ObjectNode> base, String model) {
        String tagged = OllamaModels.withTag(model);
        return base.stream().filter(OllamaModels::isOllama)
                .filter(e -> e.path("id").asText().equals(model) || e.path("id").asText().equals(tagged)).findFirst();
    }

    static ApiException notFound(String model) {
        return ApiException.badRequest("Model '" + model + "' was not found");
    }

    private Target at(JsonNode entry) {
        List<Integer> urls = urls(entry);
        List<Connection> connections = settings.connections();
        List<Integer> live = urls.stream().filter(i -> i < connections.size()).toList();
        if (live.isEmpty()) {
            throw ApiException.badRequest("No Ollama connection serves the model '" + entry.path("id").asText() + "'");
        }
        Connection connection = connections.get(live.get((int) Math.floorMod(turn.getAndIncrement(), (long) live.size())));
        return new Target(connection, strip(connection, entry.path("id").asText()));
    }

    private static List<Integer> urls(JsonNode entry) {
        JsonNode urls = entry.path("ollama").path("urls");
        return java.util.stream.StreamSupport.stream(urls.spliterator(), false).filter(JsonNode::canConvertToInt)
                .map(JsonNode::asInt).toList();
    }

    private static String strip(Connection connection, String model) {
        String prefix = connection.prefixId();
        return prefix != null && model.startsWith(prefix + ".") ? model.substring(prefix.length() + 1) : model;
    }
}
