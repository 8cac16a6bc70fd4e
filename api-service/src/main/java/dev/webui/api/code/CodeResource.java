package dev.webui.api.code;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.json.Bodies;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** /api/v1/utils/code: the code block "Run" button (Jupyter engine) and the code editor's "Format". */
@Path("/api/v1/utils/code")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CodeResource {
    static final String NO_FORMATTER = "Code formatting is not available on this server: Open WebUI formats Python "
            + "with black, which does not run here. The code was left as it is.";

    private final CodeExecution execution;

    public CodeResource(CodeExecution execution) {
        this.execution = execution;
    }

    /** {@code {"code"}} → {@code {"stdout", "stderr", "result"}}. */
    @POST
    @Path("/execute")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<CodeAnswer> execute(JsonNode body) {
        return execution.execute(Bodies.requiredText(body, "code"));
    }

    @POST
    @Path("/format")
    @RolesAllowed(Roles.ADMIN)
    public JsonNode format(JsonNode body) {
        Bodies.requiredText(body, "code");
        throw new ApiException(501, NO_FORMATTER);
    }
}
