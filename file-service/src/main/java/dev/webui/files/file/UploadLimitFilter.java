package dev.webui.files.file;

import dev.webui.files.retrieval.RetrievalSettings;
import dev.webui.files.retrieval.SettingsService;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an upload whose declared length is already over FILE_MAX_SIZE before a byte of it is
 * read, so an oversized file never fills the disk. Bodies without a length are measured after
 * reception by {@link FileService#upload}.
 */
@ApplicationScoped
public class UploadLimitFilter {
    /** Room for the multipart envelope around the file (boundaries, part headers, metadata field). */
    static final long ENVELOPE = 64 * 1024;

    private final SettingsService settings;

    public UploadLimitFilter(SettingsService settings) {
        this.settings = settings;
    }

    void install(@Observes Router router) {
        // before the body handler (ROUTE_ORDER_BODY_HANDLER), which would otherwise read the whole body first
        router.route(HttpMethod.POST, "/api/v1/files").order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::check);
        router.route(HttpMethod.POST, "/api/v1/files/").order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::check);
    }

    private void check(io.vertx.ext.web.RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        RetrievalSettings limits = settings.cached();
        if (declared != null && limits != null && limits.fileMaxSizeBytes() != null) {
            try {
                if (Long.parseLong(declared) > limits.fileMaxSizeBytes() + ENVELOPE) {
                    ctx.response().setStatusCode(413).putHeader("Content-Type", "application/json")
                            .putHeader("Connection", "close")
                            .end(new JsonObject().put("detail", "File size exceeds the limit of " + limits.fileMaxSizeMb() + " MB").encode());
                    return;
                }
            } catch (NumberFormatException ignored) {
                // a malformed length is the HTTP layer's business
            }
        }
        ctx.next();
    }

}
