package dev.webui.api.completion.direct;

import dev.webui.api.completion.AnswerSource;
import dev.webui.api.completion.CompletionRequest;
import dev.webui.api.completion.UpstreamClient;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.common.events.EventCaller;
import dev.webui.core.settings.Settings;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/** The admin's switch for direct connections (ENABLE_DIRECT_CONNECTIONS) and the answer source of a direct completion. */
@ApplicationScoped
public class DirectConnections {
    private final SettingsStore settings;
    private final EventCaller caller;
    private final Vertx vertx;
    private final UpstreamClient upstream;

    public DirectConnections(SettingsStore settings, EventCaller caller, Vertx vertx, UpstreamClient upstream) {
        this.settings = settings;
        this.caller = caller;
        this.vertx = vertx;
        this.upstream = upstream;
    }

    /**
     * The browser that sent {@code request} as its answer source; refused when the admin turned direct
     * connections off, or when the request names no browser session to run it in.
     */
    public AnswerSource source(AuthenticatedUser user, CompletionRequest request) {
        if (!settings.bool(Settings.ENABLE_DIRECT_CONNECTIONS)) {
            throw ApiException.forbidden("Direct connections are disabled");
        }
        if (request.sessionId() == null) {
            throw ApiException.badRequest("A direct connection's model runs in the browser: 'session_id' must name your socket session");
        }
        Context current = Vertx.currentContext();
        Context context = current != null && current.isEventLoopContext() ? current : vertx.getOrCreateContext();
        return new DirectSource(caller, context,
                new DirectSource.Caller(user.id(), request.sessionId(), request.chatId(), request.messageId()),
                DirectModel.item(request.body()), upstream.timeoutSeconds());
    }
}
