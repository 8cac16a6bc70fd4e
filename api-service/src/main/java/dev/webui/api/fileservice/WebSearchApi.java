package dev.webui.api.fileservice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.http.RequestIds;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** file-service's web search, called as the user; its refusals keep their {@code detail} ({@link DetailedErrors}). */
@Path("/api/v1/retrieval")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface WebSearchApi {
    /** {@code {queries}} → Open WebUI's answer: {@code collection_names} or (bypassing the embedding) {@code docs}, with {@code filenames, items}. */
    @POST
    @Path("/process/web/search")
    Uni<JsonNode> processWebSearch(@HeaderParam("Authorization") String authorization,
                                   @HeaderParam(RequestIds.HEADER) String requestId, JsonNode body);
}
