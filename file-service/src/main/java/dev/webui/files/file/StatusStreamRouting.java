package dev.webui.files.file;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code GET /files/{id}/process/status} answers an event stream with {@code ?stream=true} and a
 * single JSON object otherwise; JAX-RS cannot select a method by query parameter, so requests
 * without the flag are routed to a sibling path before matching. The stream is sent whatever the
 * request accepts: the stock upload helper asks for it with {@code Accept: application/json}.
 */
public class StatusStreamRouting {
    static final String ONCE = "once";

    @ServerRequestFilter(preMatching = true)
    public void route(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!"GET".equals(request.getMethod()) || !path.startsWith("/api/v1/files/") || !path.endsWith("/process/status")) {
            return;
        }
        if ("true".equalsIgnoreCase(request.getUriInfo().getQueryParameters().getFirst("stream"))) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.WILDCARD);
        } else {
            request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri())
                    .replacePath(path + "/" + ONCE).build());
        }
    }
}
