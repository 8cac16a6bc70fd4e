package dev.webui.common.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * What a route needs to answer a REST endpoint's kept JSON itself, ahead of the REST layer (whose
 * security checks, Uni handling and writers cost more than the kept bytes): the order to install
 * it at, whether the caller takes JSON as the endpoint produces it, and sending the bytes as the
 * endpoint would, named for the HTTP metrics by the endpoint's path template.
 */
public final class RouterAnswers {
    /** After authentication and authorization (filters, negative orders), before the REST layer. */
    public static final int ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;
    private static final String JSON = "application/json;charset=UTF-8";
    // where Quarkus REST puts the endpoint's path template, which the HTTP metrics name a request by
    private static final String URL_TEMPLATE = "UrlPathTemplate";

    private RouterAnswers() {
    }

    /** True when the request's Accept header lets a JSON answer through (the endpoint's {@code @Produces}). */
    public static boolean acceptsJson(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.contains("*/*") || accept.contains("application/json");
    }

    /** Ends the request with {@code json}, as 200 with the endpoint's content type, counted under {@code template}. */
    public static void sendJson(RoutingContext context, String template, byte[] json) {
        ((HttpServerRequestInternal) context.request()).context().putLocal(URL_TEMPLATE, template);
        HttpServerResponse response = context.response();
        response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(Buffer.buffer(json));
    }
}
