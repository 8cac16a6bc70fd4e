package dev.webui.api.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

/**
 * /api/v1/audio: the Audio page's settings, the speech models and voices it offers, and speech to
 * text. Speech itself (POST /speech) streams, so it is a Vert.x route: {@link SpeechRoutes}.
 */
@Path("/api/v1/audio")
@RolesAllowed(Roles.ADMIN)
public class AudioConfigResource {
    private final AudioConfig config;
    private final AudioCatalog catalog;
    private final Transcriber transcriber;

    public AudioConfigResource(AudioConfig config, AudioCatalog catalog, Transcriber transcriber) {
        this.config = config;
        this.catalog = catalog;
        this.transcriber = transcriber;
    }

    @GET
    @Path("/config")
    public ObjectNode config() {
        return config.view();
    }

    @POST
    @Path("/config/update")
    public Uni<ObjectNode> update(JsonNode body) {
        return config.update(body);
    }

    @GET
    @Path("/models")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<ObjectNode> models() {
        return Uni.createFrom().completionStage(() -> catalog.models().toCompletionStage());
    }

    @GET
    @Path("/voices")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<ObjectNode> voices() {
        return Uni.createFrom().completionStage(() -> catalog.voices().toCompletionStage());
    }

    @POST
    @Path("/transcriptions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.VERIFIED)
    public Uni<ObjectNode> transcribe(@RestForm("file") List<FileUpload> file, @RestForm String language) {
        if (file == null || file.size() != 1) {
            throw ApiException.badRequest("Send one audio file as the multipart field 'file'");
        }
        FileUpload upload = file.get(0);
        String type = upload.contentType() == null ? "application/octet-stream" : upload.contentType();
        Recording recording = new Recording(upload.fileName() == null ? "audio" : upload.fileName(), type,
                upload.uploadedFile().toString(), upload.size());
        return Uni.createFrom().completionStage(() -> transcriber.transcribe(recording, language).toCompletionStage());
    }
}
