package dev.webui.files.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.util.List;

/** Web pages, YouTube transcripts and web search into collections (Open WebUI's /retrieval/process/web*). */
@Path("/api/v1/retrieval")
@RolesAllowed(Roles.VERIFIED)
public class WebResource {
    private final WebPageService pages;
    private final WebSearchService search;
    private final SecurityIdentity identity;

    public WebResource(WebPageService pages, WebSearchService search, SecurityIdentity identity) {
        this.pages = pages;
        this.search = search;
        this.identity = identity;
    }

    public record ProcessUrlForm(String url, String collectionName) {
    }

    public record SearchForm(List<String> queries) {
    }

    @POST
    @Path("/process/web")
    public ObjectNode processWeb(ProcessUrlForm form) {
        return pages.processWeb(caller(), url(form), form.collectionName());
    }

    @POST
    @Path("/process/youtube")
    public ObjectNode processYoutube(ProcessUrlForm form) {
        return pages.processYoutube(caller(), url(form), form.collectionName());
    }

    @POST
    @Path("/process/web/search")
    public ObjectNode processWebSearch(SearchForm form) {
        return search.search(caller(), form == null ? null : form.queries());
    }

    private static String url(ProcessUrlForm form) {
        if (form == null || form.url() == null || form.url().isBlank()) {
            throw ApiException.badRequest("url is required");
        }
        return form.url();
    }

    private AuthenticatedUser caller() {
        return AuthenticatedUser.of(identity);
    }
}
