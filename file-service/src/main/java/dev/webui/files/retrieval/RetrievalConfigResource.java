package dev.webui.files.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Admin settings of /api/v1/retrieval: the flat config, the embedding model and the query settings. */
@Path("/api/v1/retrieval")
@RolesAllowed(Roles.ADMIN)
public class RetrievalConfigResource {
    private final SettingsService settings;

    public RetrievalConfigResource(SettingsService settings) {
        this.settings = settings;
    }

    @GET
    @Path("/config")
    public ObjectNode config() {
        ObjectNode out = SettingsCatalog.nestWeb(settings.view());
        out.put("status", true);
        return out;
    }

    @POST
    @Path("/config/update")
    public ObjectNode updateConfig(JsonNode body) {
        ObjectNode patch = SettingsCatalog.flattenWeb(object(body));
        patch.remove("status");
        ObjectNode out = SettingsCatalog.nestWeb(settings.update(patch));
        out.put("status", true);
        return out;
    }

    @GET
    @Path("/embedding")
    public ObjectNode embedding() {
        return EmbeddingView.of(settings.view());
    }

    @POST
    @Path("/embedding/update")
    public ObjectNode updateEmbedding(JsonNode body) {
        return EmbeddingView.of(settings.update(EmbeddingView.toConfig(object(body))));
    }

    @GET
    @Path("/query/settings")
    public ObjectNode querySettings() {
        return QuerySettingsView.of(settings.view());
    }

    @POST
    @Path("/query/settings/update")
    public ObjectNode updateQuerySettings(JsonNode body) {
        return QuerySettingsView.of(settings.update(QuerySettingsView.toConfig(object(body))));
    }

    static ObjectNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("Expected a JSON object");
        }
        return ((ObjectNode) body).deepCopy();
    }

}
