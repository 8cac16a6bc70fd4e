package dev.webui.files.retrieval;

import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import dev.webui.files.retrieval.QueryService.Query;
import dev.webui.files.retrieval.QueryService.Result;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.util.List;

/** Querying and feeding collections; api-service calls the query endpoints with the user's token. */
@Path("/api/v1/retrieval")
@RolesAllowed(Roles.VERIFIED)
public class RetrievalResource {
    private final QueryService queries;
    private final ProcessService processing;
    private final RankService ranking;
    private final SecurityIdentity identity;

    public RetrievalResource(QueryService queries, ProcessService processing, RankService ranking, SecurityIdentity identity) {
        this.queries = queries;
        this.ranking = ranking;
        this.processing = processing;
        this.identity = identity;
    }

    public record QueryDocForm(String collectionName, String query, Integer k, Double r, Boolean hybrid) {
    }

    public record QueryCollectionForm(List<String> collectionNames, String query, Integer k, Double r, Boolean hybrid) {
    }

    public record ProcessFileForm(String fileId, String collectionName, String content) {
    }

    public record ProcessTextForm(String name, String content, String collectionName) {
    }

    public record RankForm(String query, List<String> texts, Integer k) {
    }

    public record RankResult(List<RankService.Ranked> results) {
    }

    public record ProcessResult(boolean status, String collectionName, String filename, String content) {
    }

    @POST
    @Path("/query/doc")
    public Result queryDoc(QueryDocForm form) {
        if (form == null || form.collectionName() == null) {
            throw ApiException.badRequest("collection_name is required");
        }
        return queries.query(caller(), new Query(List.of(form.collectionName()), form.query(), form.k(), form.r(), form.hybrid()), true);
    }

    @POST
    @Path("/query/collection")
    public Result queryCollection(QueryCollectionForm form) {
        if (form == null) {
            throw ApiException.badRequest("collection_names is required");
        }
        return queries.query(caller(), new Query(form.collectionNames(), form.query(), form.k(), form.r(), form.hybrid()), false);
    }

    /** Ours (not Open WebUI's): api-service ranks a user's memories here, with the configured embedding engine. */
    @POST
    @Path("/rank")
    public RankResult rank(RankForm form) {
        if (form == null) {
            throw ApiException.badRequest("query is required");
        }
        return new RankResult(ranking.rank(form.query(), form.texts(), form.k()));
    }

    @POST
    @Path("/process/file")
    public ProcessResult processFile(ProcessFileForm form) {
        if (form == null || form.fileId() == null) {
            throw ApiException.badRequest("file_id is required");
        }
        return processing.processFile(caller(), form.fileId(), form.collectionName(), form.content());
    }

    @POST
    @Path("/process/text")
    public ProcessResult processText(ProcessTextForm form) {
        if (form == null || form.content() == null || form.content().isBlank()) {
            throw ApiException.badRequest("content is required");
        }
        return processing.processText(caller(), form.name(), form.content(), form.collectionName());
    }

    @POST
    @Path("/reset/db")
    @RolesAllowed(Roles.ADMIN)
    public boolean resetVectors() {
        processing.resetVectors();
        return true;
    }

    @POST
    @Path("/reset/uploads")
    @RolesAllowed(Roles.ADMIN)
    public boolean resetUploads() {
        processing.resetUploads();
        return true;
    }

    private AuthenticatedUser caller() {
        return AuthenticatedUser.of(identity);
    }
}
