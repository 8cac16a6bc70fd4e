package dev.webui.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.access.AccessChecker;
import dev.webui.api.access.PermissionService;
import dev.webui.api.json.Bodies;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.core.json.JsonSanitizer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Model presets: creation needs workspace.models; reading and writing follow access_control. */
@ApplicationScoped
public class ModelPresetService {
    static final String NOT_FOUND = "Model not found";

    private final Pool pool;
    private final ModelRepository models;
    private final ModelCatalog catalog;
    private final PermissionService permissions;
    private final AccessChecker access;

    public ModelPresetService(Pool pool, ModelRepository models, ModelCatalog catalog, PermissionService permissions,
                              AccessChecker access) {
        this.pool = pool;
        this.models = models;
        this.catalog = catalog;
        this.permissions = permissions;
        this.access = access;
    }

    /** Admins: all presets; others: their own and those they may write. */
    public Uni<List<ModelPreset>> list(AuthenticatedUser user) {
        return models.all().chain(all -> access.rights(user).map(rights -> all.stream()
                .filter(p -> rights.canWrite(p.userId(), p.accessControl()))
                .toList()));
    }

    public Uni<List<ModelPreset>> base() {
        return models.all().map(all -> all.stream().filter(p -> p.baseModelId() == null).toList());
    }

    public Uni<ModelPreset> get(AuthenticatedUser user, String id) {
        return found(id).chain(p -> access.rights(user).map(rights -> {
            if (!rights.canRead(p.userId(), p.accessControl())) {
                throw ApiException.notFound(NOT_FOUND);
            }
            if (rights.canWrite(p.userId(), p.accessControl())) {
                return p.withoutUser();
            }
            ObjectNode params = p.params() instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
            params.remove("system");
            return new ModelPreset(p.id(), p.userId(), p.baseModelId(), p.name(), params, p.meta(), p.accessControl(),
                    p.isActive(), p.updatedAt(), p.createdAt(), null);
        }));
    }

    public Uni<ModelPreset> create(AuthenticatedUser user, JsonNode body) {
        ModelPreset requested = fromBody(body, user.id(), null);
        return permissions.require(user, "workspace", "models")
                .invoke(() -> requireBaseModelOrAdmin(user, requested, null))
                .chain(() -> shareable(user, requested))
                .chain(preset -> models.insert(pool, preset)
                        .invoke(inserted -> {
                            if (!inserted) {
                                throw ApiException.badRequest("A model with the id '" + preset.id() + "' already exists");
                            }
                        })
                        .call(catalog::changed)
                        .replaceWith(preset));
    }

    public Uni<ModelPreset> update(AuthenticatedUser user, String id, JsonNode body) {
        return writable(user, id).chain(existing -> {
            ModelPreset requested = fromBody(body, existing.userId(), existing);
            requireBaseModelOrAdmin(user, requested, existing);
            return shareable(user, requested);
        }).chain(updated -> models.upsert(pool, updated).call(catalog::changed).replaceWith(updated));
    }

    public Uni<ModelPreset> toggle(AuthenticatedUser user, String id) {
        return writable(user, id).chain(p -> {
            ModelPreset toggled = new ModelPreset(p.id(), p.userId(), p.baseModelId(), p.name(), p.params(), p.meta(),
                    p.accessControl(), !p.isActive(), now(), p.createdAt(), null);
            return models.upsert(pool, toggled).call(catalog::changed).replaceWith(toggled);
        });
    }

    public Uni<Boolean> delete(AuthenticatedUser user, String id) {
        return writable(user, id).chain(p -> models.delete(pool, id)).call(catalog::changed).replaceWith(true);
    }

    public Uni<Boolean> deleteAll() {
        return models.deleteAll(pool).call(catalog::changed).replaceWith(true);
    }

    /** Upserts every preset of {@code {models: [...]}}; with {@code replace}, presets not listed are deleted. */
    public Uni<List<ModelPreset>> importAll(AuthenticatedUser admin, JsonNode body, boolean replace) {
        JsonNode list = Bodies.require(body).get("models");
        if (list == null || !list.isArray()) {
            throw ApiException.badRequest("Invalid value for 'models': expected a list");
        }
        List<ModelPreset> presets = new ArrayList<>();
        list.forEach(item -> presets.add(fromBody(item, item.path("user_id").isTextual() ? item.get("user_id").textValue() : admin.id(), null)));
        return pool.withTransaction(db -> {
            Uni<Void> chain = replace ? models.deleteAll(db) : Uni.createFrom().voidItem();
            for (ModelPreset preset : presets) {
                chain = chain.chain(() -> models.upsert(db, preset));
            }
            return chain;
        }).call(catalog::changed).chain(models::all);
    }

    /**
     * A preset without a base model configures a provider model itself, for every user: only an
     * admin may create one or turn a preset into one.
     */
    private static void requireBaseModelOrAdmin(AuthenticatedUser user, ModelPreset preset, ModelPreset existing) {
        boolean configuresProviderModel = preset.baseModelId() == null && (existing == null || existing.baseModelId() != null);
        if (configuresProviderModel && !user.isAdmin()) {
            throw ApiException.forbidden("Only an administrator may configure a provider model: set 'base_model_id' to the model this preset builds on");
        }
    }

    private Uni<ModelPreset> shareable(AuthenticatedUser user, ModelPreset preset) {
        return permissions.shareable(user, "public_models", preset.accessControl()).map(preset::withAccessControl);
    }

    private Uni<ModelPreset> found(String id) {
        if (id == null || id.isBlank()) {
            return Uni.createFrom().failure(ApiException.badRequest("'id' is required"));
        }
        return models.find(pool, id).map(p -> {
            if (p == null) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return p;
        });
    }

    private Uni<ModelPreset> writable(AuthenticatedUser user, String id) {
        return found(id).chain(p -> access.rights(user).map(rights -> {
            if (!rights.canWrite(p.userId(), p.accessControl())) {
                throw rights.canRead(p.userId(), p.accessControl())
                        ? new ApiException(401, "You may not change this model")
                        : ApiException.notFound(NOT_FOUND);
            }
            return p;
        }));
    }

    private static ModelPreset fromBody(JsonNode body, String ownerId, ModelPreset existing) {
        Bodies.require(body);
        String id = existing != null ? existing.id() : Bodies.requiredText(body, "id").trim();
        String name = Bodies.requiredText(body, "name");
        JsonNode meta = Bodies.objectOrNull(body, "meta");
        JsonNode params = Bodies.objectOrNull(body, "params");
        JsonNode access = Bodies.accessControl(body);
        JsonNode active = body.get("is_active");
        if (active != null && !active.isNull() && !active.isBoolean()) {
            throw ApiException.badRequest("Invalid value for 'is_active': expected true or false");
        }
        long now = now();
        return new ModelPreset(id, ownerId, Bodies.textOrNull(body, "base_model_id"), name,
                params == null ? JsonNodeFactory.instance.objectNode() : JsonSanitizer.clean(params.deepCopy()),
                meta == null ? JsonNodeFactory.instance.objectNode() : JsonSanitizer.clean(meta.deepCopy()),
                access,
                active == null || active.isNull() ? existing == null || existing.isActive() : active.booleanValue(),
                now, existing == null ? now : existing.createdAt(), null);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
