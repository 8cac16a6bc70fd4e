package dev.webui.files.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import dev.webui.files.knowledge.KnowledgeModels.FileIdForm;
import dev.webui.files.knowledge.KnowledgeModels.Knowledge;
import dev.webui.files.knowledge.KnowledgeModels.KnowledgeForm;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/knowledge")
@RolesAllowed(Roles.VERIFIED)
public class KnowledgeResource {
    private final KnowledgeService service;
    private final ReindexJob reindex;
    private final SecurityIdentity identity;

    public KnowledgeResource(KnowledgeService service, ReindexJob reindex, SecurityIdentity identity) {
        this.service = service;
        this.reindex = reindex;
        this.identity = identity;
    }

    @GET
    @Path("/")
    public List<Knowledge> readable() {
        return service.listReadable(caller());
    }

    @GET
    @Path("/list")
    public List<Knowledge> writable() {
        return service.listWritable(caller());
    }

    @POST
    @Path("/create")
    public Knowledge create(KnowledgeForm form) {
        return service.create(caller(), form);
    }

    @POST
    @Path("/reindex")
    @RolesAllowed(Roles.ADMIN)
    public boolean reindex() {
        reindex.start();
        return true;
    }

    @GET
    @Path("/reindex/status")
    @RolesAllowed(Roles.ADMIN)
    public ReindexJob.State reindexStatus() {
        return reindex.state();
    }

    @GET
    @Path("/{id}")
    public Knowledge get(@RestPath String id) {
        return service.get(caller(), id);
    }

    @POST
    @Path("/{id}/update")
    public Knowledge update(@RestPath String id, KnowledgeForm form) {
        return service.update(caller(), id, form);
    }

    @POST
    @Path("/{id}/file/add")
    public Knowledge addFile(@RestPath String id, FileIdForm form) {
        return service.addFile(caller(), id, fileId(form));
    }

    @POST
    @Path("/{id}/files/batch/add")
    public Knowledge addFiles(@RestPath String id, JsonNode body) {
        if (body == null || !body.isArray()) {
            throw ApiException.badRequest("Expected a list of {file_id}");
        }
        List<String> ids = new ArrayList<>();
        body.forEach(item -> ids.add(item.path("file_id").asText(null)));
        return service.addFiles(caller(), id, ids);
    }

    @POST
    @Path("/{id}/file/update")
    public Knowledge updateFile(@RestPath String id, FileIdForm form) {
        return service.updateFile(caller(), id, fileId(form));
    }

    @POST
    @Path("/{id}/file/remove")
    public Knowledge removeFile(@RestPath String id, FileIdForm form,
                                @RestQuery("delete_file") @DefaultValue("true") boolean deleteFile) {
        return service.removeFile(caller(), id, fileId(form), deleteFile);
    }

    @POST
    @Path("/{id}/reset")
    public Knowledge reset(@RestPath String id) {
        return service.reset(caller(), id);
    }

    @DELETE
    @Path("/{id}/delete")
    public boolean delete(@RestPath String id) {
        service.delete(caller(), id);
        return true;
    }

    private static String fileId(FileIdForm form) {
        if (form == null || form.fileId() == null || form.fileId().isBlank()) {
            throw ApiException.badRequest("file_id is required");
        }
        return form.fileId();
    }

    private AuthenticatedUser caller() {
        return AuthenticatedUser.of(identity);
    }
}
