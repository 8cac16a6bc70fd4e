package dev.webui.files.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;
import java.util.Map;

@Path("/api/v1/files")
@RolesAllowed(Roles.VERIFIED)
public class FileResource {
    private final FileService service;
    private final ProcessingStatusStream statusStream;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    public FileResource(FileService service, ProcessingStatusStream statusStream, SecurityIdentity identity, ObjectMapper mapper) {
        this.service = service;
        this.statusStream = statusStream;
        this.identity = identity;
        this.mapper = mapper;
    }

    public record ContentBody(String content) {
    }

    @POST
    @Path("/")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ObjectNode upload(@RestForm("file") List<FileUpload> file, @RestForm String metadata,
                             @RestQuery @DefaultValue("true") boolean process,
                             @RestQuery("process_in_background") @DefaultValue("true") boolean background) {
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("No file uploaded: send it as the multipart field 'file'");
        }
        if (file.size() > 1) {
            throw ApiException.badRequest("Upload one file per request (got " + file.size() + ")");
        }
        FileUpload upload = file.get(0);
        FileModel model = service.upload(caller(), upload.uploadedFile(), upload.fileName(), metadata, process, background);
        ObjectNode out = mapper.valueToTree(model);
        out.put("status", true);
        return out;
    }

    @GET
    @Path("/")
    public List<FileModel> list(@RestQuery @DefaultValue("true") boolean content) {
        return service.list(caller(), content);
    }

    @GET
    @Path("/search")
    public List<FileModel> search(@RestQuery String filename) {
        return service.search(caller(), filename);
    }

    @DELETE
    @Path("/all")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, String> deleteAll() {
        int count = service.deleteAll();
        return Map.of("message", "All files deleted successfully (" + count + ")");
    }

    @GET
    @Path("/{id}")
    public FileModel get(@RestPath String id) {
        return service.readable(caller(), id).toModel();
    }

    /**
     * ?stream=true arrives here, whatever the Accept header ({@link StatusStreamRouting} sends other
     * requests to {@link #status}). The events are framed by hand: the stock parser strips exactly
     * {@code "data: "}, which the built-in SSE writer does not produce.
     */
    @GET
    @Path("/{id}/process/status")
    @Produces(MediaType.TEXT_PLAIN)
    public RestMulti<String> statusStream(@RestPath String id) {
        return RestMulti.fromMultiData(statusStream.watch(caller(), id).map(this::event))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.SERVER_SENT_EVENTS)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    private String event(ProcessingStatus status) {
        try {
            return "data: " + mapper.writeValueAsString(status) + "\n\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("/{id}/process/status/" + StatusStreamRouting.ONCE)
    public Uni<ProcessingStatus> status(@RestPath String id) {
        return statusStream.once(caller(), id);
    }

    @GET
    @Path("/{id}/content")
    public Response content(@RestPath String id, @RestQuery @DefaultValue("false") boolean attachment,
                            @RestHeader("Range") String range) {
        return ContentResponses.serve(service, service.readable(caller(), id), range, attachment);
    }

    /** The page the stock UI frames for a {@code <file type="html">} in an answer (docs/files.md "HTML in answers"). */
    @GET
    @Path("/{id}/content/html")
    public Response contentAsPage(@RestPath String id) {
        return ContentResponses.page(service, service.readableHtml(caller(), id));
    }

    @GET
    @Path("/{id}/content/{name}")
    public Response contentAsAttachment(@RestPath String id, @RestHeader("Range") String range) {
        return ContentResponses.serve(service, service.readable(caller(), id), range, true);
    }

    @GET
    @Path("/{id}/data/content")
    public ContentBody dataContent(@RestPath String id) {
        return new ContentBody(service.readable(caller(), id).content());
    }

    @POST
    @Path("/{id}/data/content/update")
    public ContentBody updateContent(@RestPath String id, ContentBody body) {
        return new ContentBody(service.updateContent(caller(), id, body == null ? null : body.content()));
    }

    @DELETE
    @Path("/{id}")
    public Map<String, String> delete(@RestPath String id) {
        service.delete(caller(), id);
        return Map.of("message", "File deleted successfully");
    }

    private AuthenticatedUser caller() {
        return AuthenticatedUser.of(identity);
    }
}
