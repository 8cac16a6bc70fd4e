package dev.webui.api.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.UpstreamFault;
import dev.webui.api.json.Bodies;
import dev.webui.core.settings.Settings;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * /api/v1/tasks (docs/completions.md): the task settings and the generation endpoints the UI calls. Each
 * answers the provider's non-streamed chat.completion; a disabled task answers 200 with a detail,
 * as Open WebUI does.
 */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GenerationResource {
    private final TaskConfig config;
    private final TaskGenerator generator;
    private final SecurityIdentity identity;

    public GenerationResource(TaskConfig config, TaskGenerator generator, SecurityIdentity identity) {
        this.config = config;
        this.generator = generator;
        this.identity = identity;
    }

    @GET
    @Path("/config")
    @RolesAllowed(Roles.VERIFIED)
    public ObjectNode getConfig() {
        return config.view();
    }

    @POST
    @Path("/config/update")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ObjectNode> updateConfig(JsonNode body) {
        return config.update(body);
    }

    @POST
    @Path("/title/completions")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<Object> title(JsonNode body) {
        return run(TaskKind.TITLE, body, true);
    }

    @POST
    @Path("/tags/completions")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<Object> tags(JsonNode body) {
        return run(TaskKind.TAGS, body, true);
    }

    @POST
    @Path("/follow_ups/completions")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<Object> followUps(JsonNode body) {
        return run(TaskKind.FOLLOW_UPS, body, true);
    }

    @POST
    @Path("/queries/completions")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<Object> queries(JsonNode body) {
        String type = Bodies.textOrNull(Bodies.require(body), "type");
        boolean enabled = "retrieval".equals(type) ? generator.settingEnabled(Settings.ENABLE_RETRIEVAL_QUERY_GENERATION)
                : generator.settingEnabled(Settings.ENABLE_SEARCH_QUERY_GENERATION);
        return run(TaskKind.QUERIES, body, enabled);
    }

    @POST
    @Path("/image_prompt/completions")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<Object> imagePrompt(JsonNode body) {
        return run(TaskKind.IMAGE_PROMPT, body, true);
    }

    @POST
    @Path("/emoji/completions")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<Object> emoji(JsonNode body) {
        return run(TaskKind.EMOJI, body, true);
    }

    /** Open WebUI answers a disabled autocompletion and a too long text with 400, unlike the other tasks. */
    @POST
    @Path("/auto/completions")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<Object> autocomplete(JsonNode body) {
        String model = Bodies.requiredText(Bodies.require(body), "model");
        if (!generator.enabled(TaskKind.AUTOCOMPLETE)) {
            throw ApiException.badRequest("Autocompletion generation is disabled");
        }
        String prompt = Bodies.textOrNull(body, "prompt");
        int limit = generator.autocompleteLimit();
        if (limit > 0 && prompt != null && prompt.length() > limit) {
            throw ApiException.badRequest("Input prompt exceeds maximum length of " + limit);
        }
        return complete(TaskKind.AUTOCOMPLETE, body, model, prompt, Bodies.textOrNull(body, "type"));
    }

    private Uni<Object> run(TaskKind kind, JsonNode body, boolean alsoEnabled) {
        String model = Bodies.requiredText(Bodies.require(body), "model");
        if (!alsoEnabled || !generator.enabled(kind)) {
            return Uni.createFrom().item(Map.of("detail", kind.label + " generation is disabled"));
        }
        return complete(kind, body, model, Bodies.textOrNull(body, "prompt"), null);
    }

    private Uni<Object> complete(TaskKind kind, JsonNode body, String model, String prompt, String type) {
        JsonNode messages = body.get("messages");
        if (messages != null && !messages.isNull() && !messages.isArray()) {
            throw ApiException.badRequest("'messages' must be a list");
        }
        return generator.complete(AuthenticatedUser.of(identity), kind, model, messages, prompt, type)
                .<Object>map(answer -> answer)
                .onFailure(UpstreamFault.class).transform(e -> new ApiException(((UpstreamFault) e).status(), e.getMessage()));
    }
}
