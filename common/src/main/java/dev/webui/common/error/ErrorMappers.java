package dev.webui.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.webui.common.db.DatabaseFailures;
import dev.webui.common.http.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;


/**
 * Every failure leaves a service as {@code {"detail": "..."}} with the contract's status; stack
 * traces stay in the log, tagged with the request id that the response carries too.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    static final String NOT_AUTHENTICATED = "Not authenticated";
    static final String ACCESS_PROHIBITED = "You do not have permission to access this resource. Please ask your administrator for access.";

    private static final String MULTIPART_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

    private final DatabaseFailures database;

    public ErrorMappers(DatabaseFailures database) {
        this.database = database;
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return body(e.status(), e.detail());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        if (e.getCause() instanceof ApiException api) {
            return api(api);
        }
        return body(401, e.getMessage() == null ? "Your session has expired or the token is invalid. Please sign in again." : e.getMessage());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return body(403, NOT_AUTHENTICATED);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return body(401, ACCESS_PROHIBITED);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return body(400, JsonErrors.mismatch(e));
    }

    @ServerExceptionMapper
    public Response tooMuchJson(StreamConstraintsException e) {
        return body(JsonErrors.constraintStatus(e), JsonErrors.constraint(e));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        StreamConstraintsException limit = JsonErrors.limitCrossed(e);
        if (limit != null) {
            return tooMuchJson(limit); // also when data binding wrapped it in a JsonMappingException
        }
        return body(400, JsonErrors.malformed(e));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return mismatchedInput(mismatch);
        }
        if (e.getCause() instanceof JsonProcessingException malformed) {
            return malformedJson(malformed);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("Request failed", e);
        }
        return body(status.getStatusCode(), switch (status.getStatusCode()) {
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable: this endpoint answers application/json";
            case 415 -> "Unsupported content type: send application/json";
            case 400 -> "Bad request: the request could not be read";
            default -> status.getReasonPhrase();
        });
    }

    /** The multipart parser fails with a bare IOException when the body does not match its declared length or boundaries. */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, HttpServerRequest request) {
        StackTraceElement[] origin = e.getStackTrace();
        if (origin.length > 0 && origin[0].getClassName().startsWith(MULTIPART_PARSER)) {
            return body(400, "The request body is incomplete or malformed: its length and content do not match what was declared");
        }
        return unexpected(e, request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        String requestId = RequestIds.of(request);
        if (database.unavailable(e)) {
            LOG.warnf("%s %s failed: the database is unavailable (%s; request id %s)", request.method(), request.path(), e, requestId);
            return body(503, DatabaseFailures.UNAVAILABLE);
        }
        if (database.nulRefused(e)) {
            return body(400, DatabaseFailures.NUL_REFUSED);
        }
        LOG.errorf(e, "Unexpected failure of %s %s (request id %s)", request.method(), request.path(), requestId);
        return body(500, "Internal server error (request id " + requestId + ")");
    }

    public static Response body(int status, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorResponse(detail)).build();
    }
}
