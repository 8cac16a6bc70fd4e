package dev.webui.api.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.json.Bodies;
import dev.webui.api.model.ModelCatalog;
import dev.webui.api.model.ModelListService;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** /openai: connection settings, verification and model lists. */
@Path("/openai")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OpenAiResource {
    private final OpenAiSettings settings;
    private final OpenAiClient client;
    private final ModelCatalog catalog;
    private final ModelListService models;
    private final SecurityIdentity identity;

    public OpenAiResource(OpenAiSettings settings, OpenAiClient client, ModelCatalog catalog, ModelListService models,
                          SecurityIdentity identity) {
        this.settings = settings;
        this.client = client;
        this.catalog = catalog;
        this.models = models;
        this.identity = identity;
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

    @POST
    @Path("/verify")
    @RolesAllowed(Roles.ADMIN)
    public Uni<JsonNode> verify(JsonNode body) {
        String url = Bodies.requiredText(body, "url");
        String key = Bodies.textOrNull(body, "key");
        JsonNode config = Bodies.objectOrNull(body, "config");
        boolean sendKey = config == null || config.path("auth_type").asText("bearer").equals("bearer");
        return client.models(url, sendKey ? key : null);
    }

    /** Models the caller may use, like /api/models. */
    @GET
    @Path("/models")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<ObjectNode> models() {
        return models.visible(AuthenticatedUser.of(identity), false);
    }

    /** One connection's upstream list, unfiltered. */
    @GET
    @Path("/models/{idx}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<JsonNode> connectionModels(@PathParam("idx") int index) {
        List<Connection> connections = settings.connections();
        if (index < 0 || index >= connections.size()) {
            throw ApiException.notFound("No connection with index " + index);
        }
        Connection connection = connections.get(index);
        return client.models(connection.baseUrl(), connection.sendsKey() ? connection.key() : null);
    }
}
