package dev.webui.api.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.http.ForwardedAuthorization;
import dev.webui.api.json.Bodies;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** /api/v1/memories; /query ranks as {@link MemorySearch} does, answering in the vector-query shape (distances are similarities, best first). */
@Path("/api/v1/memories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VERIFIED)
public class MemoryResource {
    static final String NOT_FOUND = "Memory not found";

    private final MemoryRepository memories;
    private final MemorySearch search;
    private final SecurityIdentity identity;

    public MemoryResource(MemoryRepository memories, MemorySearch search, SecurityIdentity identity) {
        this.search = search;
        this.memories = memories;
        this.identity = identity;
    }

    private String userId() {
        return AuthenticatedUser.of(identity).id();
    }

    @GET
    @Path("/")
    public Uni<List<Memory>> list() {
        return memories.ofUser(userId());
    }

    @POST
    @Path("/add")
    public Uni<Memory> add(JsonNode body) {
        long now = Instant.now().getEpochSecond();
        Memory memory = new Memory(UUID.randomUUID().toString(), userId(), Bodies.requiredText(body, "content"), now, now);
        return memories.insert(memory).replaceWith(memory);
    }

    @POST
    @Path("/{id}/update")
    public Uni<Memory> update(@PathParam("id") String id, JsonNode body) {
        return memories.update(userId(), id, Bodies.requiredText(body, "content"), Instant.now().getEpochSecond()).map(m -> {
            if (m == null) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return m;
        });
    }

    @DELETE
    @Path("/{id}")
    public Uni<Boolean> delete(@PathParam("id") String id) {
        return memories.deleteOwned(userId(), id).map(deleted -> {
            if (!deleted) {
                throw ApiException.notFound(NOT_FOUND);
            }
            return true;
        });
    }

    @DELETE
    @Path("/delete/user")
    public Uni<Boolean> deleteAll() {
        return memories.deleteAllOf(userId()).replaceWith(true);
    }

    @POST
    @Path("/reset")
    public Boolean reset() {
        return true;
    }

    /**
     * Open WebUI answers with the embedding of "hello world". Embeddings are file-service's (it
     * ranks memories for /query), api-service has none, so the vector is empty.
     */
    @GET
    @Path("/ef")
    public Map<String, Object> embeddingTest() {
        return Map.of("result", List.of());
    }

    @POST
    @Path("/query")
    public Uni<Map<String, Object>> query(JsonNode body, @Context HttpServerRequest request) {
        String content = Bodies.requiredText(body, "content");
        JsonNode k = body.get("k");
        int limit = k != null && k.isIntegralNumber() && k.intValue() > 0 ? Math.min(k.intValue(), 100) : 1;
        return search.relevant(userId(), ForwardedAuthorization.of(request), content, limit).map(found -> Map.of(
                "ids", List.of(found.stream().map(m -> m.memory().id()).toList()),
                "documents", List.of(found.stream().map(m -> m.memory().content()).toList()),
                "metadatas", List.of(found.stream().map(m -> Map.of("created_at", m.memory().createdAt())).toList()),
                "distances", List.of(found.stream().map(MemorySearch.Match::score).toList())));
    }
}
