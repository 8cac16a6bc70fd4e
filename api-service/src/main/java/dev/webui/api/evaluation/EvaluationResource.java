package dev.webui.api.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.json.Bodies;
import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import dev.webui.core.json.JsonSanitizer;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** /api/v1/evaluations: message ratings; the leaderboard is computed by the UI from /feedbacks/all. */
@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VERIFIED)
public class EvaluationResource {
    static final String NOT_FOUND = "Feedback not found";

    private final FeedbackRepository feedback;
    private final SettingsStore settings;
    private final SecurityIdentity identity;

    public EvaluationResource(FeedbackRepository feedback, SettingsStore settings, SecurityIdentity identity) {
        this.feedback = feedback;
        this.settings = settings;
        this.identity = identity;
    }

    private AuthenticatedUser user() {
        return AuthenticatedUser.of(identity);
    }

    @POST
    @Path("/feedback")
    public Uni<Feedback> create(JsonNode body) {
        long now = Instant.now().getEpochSecond();
        Feedback created = fromBody(body, UUID.randomUUID().toString(), user().id(), now, now);
        return feedback.save(created).replaceWith(created);
    }

    @GET
    @Path("/feedback/{id}")
    public Uni<Feedback> get(@PathParam("id") String id) {
        return mine(id);
    }

    @POST
    @Path("/feedback/{id}")
    public Uni<Feedback> update(@PathParam("id") String id, JsonNode body) {
        return mine(id).chain(existing -> {
            Feedback updated = fromBody(body, id, existing.userId(), existing.createdAt(), Instant.now().getEpochSecond());
            return feedback.save(updated).replaceWith(updated);
        });
    }

    @DELETE
    @Path("/feedback/{id}")
    public Uni<Boolean> delete(@PathParam("id") String id) {
        return mine(id).chain(f -> feedback.delete(id)).replaceWith(true);
    }

    @GET
    @Path("/feedbacks/all")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<Feedback>> all() {
        return feedback.list(null, false);
    }

    @GET
    @Path("/feedbacks/all/export")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<Feedback>> export() {
        return feedback.list(null, true);
    }

    @DELETE
    @Path("/feedbacks/all")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Boolean> deleteAll() {
        return feedback.deleteOf(null).replaceWith(true);
    }

    @GET
    @Path("/feedbacks/user")
    public Uni<List<Feedback>> own() {
        return feedback.list(user().id(), false).map(list -> list.stream().map(EvaluationResource::withoutUser).toList());
    }

    @DELETE
    @Path("/feedbacks")
    public Uni<Boolean> deleteOwn() {
        return feedback.deleteOf(user().id()).replaceWith(true);
    }

    @GET
    @Path("/config")
    @RolesAllowed(Roles.ADMIN)
    public ObjectNode config() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("ENABLE_EVALUATION_ARENA_MODELS", settings.get(Settings.ENABLE_ARENA_MODELS));
        node.set("EVALUATION_ARENA_MODELS", settings.get(Settings.ARENA_MODELS));
        return node;
    }

    @POST
    @Path("/config")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ObjectNode> saveConfig(JsonNode body) {
        Bodies.require(body);
        Map<Setting, JsonNode> values = new LinkedHashMap<>();
        JsonNode enable = body.get("ENABLE_EVALUATION_ARENA_MODELS");
        if (enable != null && !enable.isNull()) {
            if (!enable.isBoolean()) {
                throw ApiException.badRequest("Invalid value for 'ENABLE_EVALUATION_ARENA_MODELS': expected true or false");
            }
            values.put(Settings.ENABLE_ARENA_MODELS, enable);
        }
        JsonNode models = body.get("EVALUATION_ARENA_MODELS");
        if (models != null && !models.isNull()) {
            if (!models.isArray()) {
                throw ApiException.badRequest("Invalid value for 'EVALUATION_ARENA_MODELS': expected a list");
            }
            for (JsonNode model : models) {
                if (!model.isObject() || !model.path("id").isTextual() || model.get("id").asText().isBlank()
                        || (model.has("meta") && !model.get("meta").isObject())) {
                    throw ApiException.badRequest("Invalid value for 'EVALUATION_ARENA_MODELS': each model needs an 'id' and an object 'meta'");
                }
            }
            values.put(Settings.ARENA_MODELS, models);
        }
        return settings.save(values).replaceWith(this::config);
    }

    /** The caller's feedback (admins: anyone's); another user's id answers 404. */
    private Uni<Feedback> mine(String id) {
        AuthenticatedUser user = user();
        return feedback.find(id).map(f -> {
            if (f == null || !(user.isAdmin() || user.id().equals(f.userId()))) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return withoutUser(f);
        });
    }

    private static Feedback withoutUser(Feedback f) {
        return new Feedback(f.id(), f.userId(), f.version(), f.type(), f.data(), f.meta(), f.snapshot(), f.createdAt(), f.updatedAt(), null);
    }

    private static Feedback fromBody(JsonNode body, String id, String owner, long created, long updated) {
        Bodies.require(body);
        JsonNode data = Bodies.objectOrNull(body, "data");
        JsonNode meta = Bodies.objectOrNull(body, "meta");
        JsonNode snapshot = Bodies.objectOrNull(body, "snapshot");
        String type = Bodies.textOrNull(body, "type");
        return new Feedback(id, owner, 0, type == null ? "rating" : type, clean(data), clean(meta), clean(snapshot), created, updated, null);
    }

    private static JsonNode clean(JsonNode node) {
        return node == null ? null : JsonSanitizer.clean(node.deepCopy());
    }
}
