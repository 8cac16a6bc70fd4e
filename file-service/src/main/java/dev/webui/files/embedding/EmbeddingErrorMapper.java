package dev.webui.files.embedding;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** A failing embeddings upstream during a request (query, content update) is a bad gateway, not our 500. */
public class EmbeddingErrorMapper {
    @ServerExceptionMapper
    public Response embeddingFailed(EmbeddingException e) {
        return Response.status(502).type(MediaType.APPLICATION_JSON).entity(Map.of("detail", e.getMessage())).build();
    }
}
