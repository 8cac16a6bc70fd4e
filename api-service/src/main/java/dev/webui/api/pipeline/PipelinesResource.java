package dev.webui.api.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.json.Bodies;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * /api/v1/pipelines (admins): the Admin > Pipelines page. Each call is relayed to the Pipelines
 * server behind OpenAI connection {@code urlIdx} (docs/pipelines.md).
 */
@Path("/api/v1/pipelines")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PipelinesResource {
    private final PipelineServers servers;
    private final PipelineServerClient client;
    private final PipelineUpload upload;

    public PipelinesResource(PipelineServers servers, PipelineServerClient client, PipelineUpload upload) {
        this.servers = servers;
        this.client = client;
        this.upload = upload;
    }

    @GET
    @Path("/list")
    public Uni<ObjectNode> list() {
        return servers.list();
    }

    @GET
    @Path("/")
    public Uni<JsonNode> pipelines(@QueryParam("urlIdx") Integer urlIdx) {
        return client.get(client.connection(urlIdx), "/pipelines");
    }

    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<JsonNode> upload(@RestForm("urlIdx") String urlIdx, @RestForm("file") FileUpload file) {
        return upload.send(client.connection(index(urlIdx)), file);
    }

    @POST
    @Path("/add")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<JsonNode> add(JsonNode body) {
        return relay(body, "url", "POST", "/pipelines/add");
    }

    @DELETE
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<JsonNode> delete(JsonNode body) {
        return relay(body, "id", "DELETE", "/pipelines/delete");
    }

    @GET
    @Path("/{id}/valves")
    public Uni<JsonNode> valves(@PathParam("id") String id, @QueryParam("urlIdx") Integer urlIdx) {
        return client.get(client.connection(urlIdx), "/" + segment(id) + "/valves");
    }

    @GET
    @Path("/{id}/valves/spec")
    public Uni<JsonNode> valvesSpec(@PathParam("id") String id, @QueryParam("urlIdx") Integer urlIdx) {
        return client.get(client.connection(urlIdx), "/" + segment(id) + "/valves/spec");
    }

    @POST
    @Path("/{id}/valves/update")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<JsonNode> updateValves(@PathParam("id") String id, @QueryParam("urlIdx") Integer urlIdx, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The valves must be a JSON object");
        }
        return client.json(client.connection(urlIdx), "POST", "/" + segment(id) + "/valves/update", body);
    }

    /** Sends {@code {field: body.field}} to the server of {@code body.urlIdx}. */
    private Uni<JsonNode> relay(JsonNode body, String field, String method, String path) {
        String value = Bodies.requiredText(Bodies.require(body), field);
        return client.json(client.connection(index(body)), method, path, JsonNodeFactory.instance.objectNode().put(field, value));
    }

    private static int index(JsonNode body) {
        JsonNode idx = body.get("urlIdx");
        if (idx != null && idx.isIntegralNumber()) {
            return idx.asInt();
        }
        return index(idx != null && idx.isTextual() ? idx.textValue() : null);
    }

    private static int index(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("'urlIdx' is required");
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'urlIdx' must be a number");
        }
    }

    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
