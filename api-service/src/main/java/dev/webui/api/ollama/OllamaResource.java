package dev.webui.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.model.ModelCatalog;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * /ollama's JSON routes. The streamed ones (pull, push, create, generate, chat, the /v1
 * completions and the GGUF upload/download) are Vert.x routes: {@link OllamaStreamRoutes}.
 */
@Path("/ollama")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OllamaResource {
    private final OllamaSettings settings;
    private final OllamaService ollama;
    private final ModelCatalog catalog;
    private final SecurityIdentity identity;

    public OllamaResource(OllamaSettings settings, OllamaService ollama, ModelCatalog catalog,
                          SecurityIdentity identity) {
        this.settings = settings;
        this.ollama = ollama;
        this.catalog = catalog;
        this.identity = identity;
    }

    @GET
    @Path("/")
    @PermitAll
    public Map<String, Object> status() {
        return Map.of("status", true);
    }

    @HEAD
    @Path("/")
    @PermitAll
    public void statusHead() {
        // the status answer without its body
    }

    @POST
    @Path("/verify")
    @RolesAllowed(Roles.ADMIN)
    public Uni<JsonNode> verify(JsonNode body) {
        return ollama.verify(body);
    }

    @GET
    @Path("/config")
    @RolesAllowed(Roles.ADMIN)
    public ObjectNode config() {
        return settings.view();
    }

    @POST
    @Path("/config/update")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ObjectNode> update(JsonNode body) {
        return settings.update(body).call(catalog::changed);
    }

    @GET
    @Path("/api/version")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<JsonNode> version() {
        return ollama.version(null);
    }

    @GET
    @Path("/api/version/{idx}")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<JsonNode> version(@PathParam("idx") int idx) {
        return ollama.version(idx);
    }

    @GET
    @Path("/api/tags")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<ObjectNode> tags() {
        return ollama.tags(user(), null);
    }

    @GET
    @Path("/api/tags/{idx}")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<ObjectNode> tags(@PathParam("idx") int idx) {
        return ollama.tags(user(), idx);
    }

    @GET
    @Path("/api/ps")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ObjectNode> ps() {
        return ollama.ps();
    }

    @POST
    @Path("/api/unload")
    @RolesAllowed(Roles.ADMIN)
    public Uni<JsonNode> unload(JsonNode body) {
        return ollama.unload(body);
    }

    @POST
    @Path("/api/copy")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Boolean> copy(JsonNode body) {
        return copy(body, null);
    }

    @POST
    @Path("/api/copy/{idx}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Boolean> copy(JsonNode body, @PathParam("idx") Integer idx) {
        String source = text(body, "source");
        text(body, "destination");
        return ollama.manage(HttpMethod.POST, "/api/copy", body, source, idx);
    }

    @DELETE
    @Path("/api/delete")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Boolean> delete(JsonNode body) {
        return delete(body, null);
    }

    @DELETE
    @Path("/api/delete/{idx}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Boolean> delete(JsonNode body, @PathParam("idx") Integer idx) {
        String model = OllamaService.modelName(body);
        if (model == null) {
            throw ApiException.badRequest("Missing the name of the model to delete");
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("model", model);
        return ollama.manage(HttpMethod.DELETE, "/api/delete", payload, model, idx);
    }

    @POST
    @Path("/api/show")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<JsonNode> show(JsonNode body) {
        return ollama.forward(user(), "/api/show", body, null, false);
    }

    @POST
    @Path("/api/embed")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<JsonNode> embed(JsonNode body) {
        return ollama.forward(user(), "/api/embed", body, null, true);
    }

    @POST
    @Path("/api/embed/{idx}")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<JsonNode> embed(JsonNode body, @PathParam("idx") int idx) {
        return ollama.forward(user(), "/api/embed", body, idx, true);
    }

    @POST
    @Path("/api/embeddings")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<JsonNode> embeddings(JsonNode body) {
        return ollama.forward(user(), "/api/embeddings", body, null, true);
    }

    @POST
    @Path("/api/embeddings/{idx}")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<JsonNode> embeddings(JsonNode body, @PathParam("idx") int idx) {
        return ollama.forward(user(), "/api/embeddings", body, idx, true);
    }

    @GET
    @Path("/v1/models")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<ObjectNode> openAiModels() {
        return ollama.openAiModels(user(), null);
    }

    @GET
    @Path("/v1/models/{idx}")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<ObjectNode> openAiModels(@PathParam("idx") int idx) {
        return ollama.openAiModels(user(), idx);
    }

    /** Legacy path still in the stock helper {@code getOllamaUrls}. */
    @GET
    @Path("/urls")
    @RolesAllowed(Roles.ADMIN)
    public ObjectNode urls() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("OLLAMA_BASE_URLS", settings.view().get("OLLAMA_BASE_URLS"));
        return node;
    }

    private AuthenticatedUser user() {
        return AuthenticatedUser.of(identity);
    }

    private static String text(JsonNode body, String field) {
        String value = body == null ? null : body.path(field).textValue();
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Missing '" + field + "'");
        }
        return value;
    }
}
