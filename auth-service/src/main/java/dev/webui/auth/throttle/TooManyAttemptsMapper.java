package dev.webui.auth.throttle;

import dev.webui.common.error.ErrorMappers;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

public class TooManyAttemptsMapper {
    @ServerExceptionMapper
    public Response tooMany(TooManyAttemptsException e) {
        Response base = ErrorMappers.body(429, e.getMessage());
        return Response.fromResponse(base).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
