package dev.webui.api.fileservice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.http.RequestIds;
import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The part of file-service's API that api-service calls, always as the user (their Authorization
 * header) and under the id of the request being served (X-Request-Id), so file-service logs the
 * call under the same id.
 */
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface FileServiceApi {
    /** {@code {collection_names, query}} → {@code {distances, documents, metadatas}}, one inner list. */
    @POST
    @Path("/retrieval/query/collection")
    Uni<JsonNode> queryCollection(@HeaderParam("Authorization") String authorization,
                                  @HeaderParam(RequestIds.HEADER) String requestId, JsonNode body);

    /** {@code {query, texts, k}} → {@code {results: [{index, score}]}}, best first. */
    @POST
    @Path("/retrieval/rank")
    Uni<JsonNode> rank(@HeaderParam("Authorization") String authorization,
                       @HeaderParam(RequestIds.HEADER) String requestId, JsonNode body);

    /**
     * Stores a file of the caller ({@code file} part, optional {@code metadata} JSON text) →
     * file-service's file model ({@code id}, {@code meta}...). {@code process=false}: kept as is, not extracted.
     */
    @POST
    @Path("/files/")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Uni<JsonNode> upload(@HeaderParam("Authorization") String authorization, @HeaderParam(RequestIds.HEADER) String requestId,
                         @QueryParam("process") boolean process, ClientMultipartForm form);
}
