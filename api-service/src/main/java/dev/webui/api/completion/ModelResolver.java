package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.access.AccessChecker;
import dev.webui.api.app.AppConfig;
import dev.webui.api.connection.Connection;
import dev.webui.api.connection.OpenAiSettings;
import dev.webui.api.model.ArenaModels;
import dev.webui.api.model.ModelAssembly;
import dev.webui.api.model.ModelCatalog;
import dev.webui.api.model.ModelPreset;
import dev.webui.api.ollama.OllamaModels;
import dev.webui.api.ollama.OllamaRouter;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds the model a caller asked for among the models they may see (the /api/models rules): a
 * model they cannot see is "not found", exactly like one that does not exist. An arena model hands
 * the request to one of its candidates, picked at random; the arena grants the use of its
 * candidates, as a preset grants the use of its base model.
 */
@ApplicationScoped
public class ModelResolver {
    static final String NOT_FOUND = "Model not found";

    private final ModelCatalog catalog;
    private final AccessChecker access;
    private final OpenAiSettings openai;
    private final SettingsStore settings;
    private final AppConfig app;
    private final OllamaRouter ollama;

    public ModelResolver(ModelCatalog catalog, AccessChecker access, OpenAiSettings openai, SettingsStore settings, AppConfig app,
                         OllamaRouter ollama) {
        this.ollama = ollama;
        this.catalog = catalog;
        this.access = access;
        this.openai = openai;
        this.settings = settings;
        this.app = app;
    }

    public Uni<ResolvedModel> resolve(AuthenticatedUser user, String modelId) {
        return catalog.snapshot(false).chain(snapshot -> {
            List<ModelAssembly.Assembled> all = ModelAssembly.assemble(snapshot.base(), snapshot.presets(),
                    ArenaModels.entries(settings), List.of());
            ModelAssembly.Assembled found = all.stream()
                    .filter(item -> modelId.equals(item.entry().path("id").asText()))
                    .findFirst().orElseThrow(() -> ApiException.badRequest(NOT_FOUND));
            boolean bypass = app.bypassAdminAccessControl();
            ModelPreset preset = found.preset();
            boolean arena = preset == null && ArenaModels.isArena(found.entry());
            Uni<Boolean> allowed;
            if (user.isAdmin() && bypass) {
                allowed = Uni.createFrom().item(true);
            } else if (arena) {
                allowed = access.rights(user).map(rights -> rights.canRead(null, ArenaModels.accessControl(found.entry())));
            } else if (preset == null) {
                allowed = Uni.createFrom().item(false);
            } else {
                allowed = access.rights(user).map(rights -> rights.canRead(preset.userId(), preset.accessControl()));
            }
            return allowed.map(ok -> {
                if (!ok) {
                    throw ApiException.badRequest(NOT_FOUND);
                }
                return arena ? pick(found, all, snapshot.base()) : locate(found, snapshot.base());
            });
        });
    }

    /** The arena's answer comes from one of its candidates; the result keeps the arena's id and name. */
    private ResolvedModel pick(ModelAssembly.Assembled arena, List<ModelAssembly.Assembled> all, List<ObjectNode> base) {
        List<String> available = all.stream().filter(item -> item.preset() != null || !ArenaModels.isArena(item.entry()))
                .map(item -> item.entry().path("id").asText()).toList();
        List<String> candidates = ArenaModels.candidates(arena.entry(), available);
        String arenaId = arena.entry().path("id").asText();
        if (candidates.isEmpty()) {
            throw ApiException.badRequest("The arena model '" + arenaId + "' has no model to hand the message to");
        }
        String chosen = candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
        ModelAssembly.Assembled target = all.stream().filter(item -> chosen.equals(item.entry().path("id").asText()))
                .findFirst().orElseThrow();
        ResolvedModel picked = locate(target, base);
        return new ResolvedModel(arenaId, arena.entry().path("name").asText(arenaId), picked.connection(), picked.upstreamId(),
                picked.presetParams(), picked.presetMeta(), chosen);
    }

    private ResolvedModel locate(ModelAssembly.Assembled found, List<ObjectNode> base) {
        ObjectNode entry = found.entry();
        ModelPreset preset = found.preset();
        ObjectNode upstreamEntry = entry;
        if (preset != null && preset.baseModelId() != null) {
            upstreamEntry = base.stream().filter(b -> preset.baseModelId().equals(b.path("id").asText())).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("The base model '" + preset.baseModelId() + "' of '"
                            + preset.id() + "' is not available"));
        }
        Connection connection;
        String upstreamId;
        if (OllamaModels.isOllama(upstreamEntry)) { // through Ollama's native /api/chat (docs/ollama.md)
            OllamaRouter.Target target = ollama.forCompletion(upstreamEntry);
            connection = target.connection();
            upstreamId = target.model();
        } else {
            int index = upstreamEntry.path("urlIdx").asInt(-1);
            List<Connection> connections = openai.connections();
            if (index < 0 || index >= connections.size()) {
                throw ApiException.badRequest("No connection serves the model '" + entry.path("id").asText() + "'");
            }
            connection = connections.get(index);
            upstreamId = upstreamEntry.path("openai").path("id").asText(upstreamEntry.path("id").asText());
        }
        JsonNode params = preset == null ? null : preset.params();
        JsonNode meta = preset == null ? null : preset.meta();
        return new ResolvedModel(entry.path("id").asText(), entry.path("name").asText(), connection, upstreamId,
                params instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode(),
                meta instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode(), null);
    }
}
