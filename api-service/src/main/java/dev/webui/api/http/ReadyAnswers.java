package dev.webui.api.http;

import dev.webui.api.app.ConfigAnswers;
import dev.webui.api.chat.ChatListCache;
import dev.webui.api.chat.ChatService;
import dev.webui.api.chat.Paging;
import dev.webui.api.model.ModelListCache;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.TokenAuthenticationMechanism;
import dev.webui.common.auth.TokenIdentityProvider;
import dev.webui.common.http.RouterAnswers;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answers the page-load reads whose JSON is already kept (GET /api/config, /api/models and the
 * sidebar's /api/v1/chats/) straight from the router, ahead of the REST layer, when the caller is
 * known without an asynchronous step: a profile put most of such a request's cost in the REST
 * layer around the kept bytes (security checks, the Uni result and its context capture, the
 * writer). Anything else (an unknown or revoked token, an API key, a caller the endpoint refuses,
 * an input of the answer that must be read again, another query or media type) goes on to the
 * REST endpoint, which answers as before; the caches decide what is ready exactly as they do for
 * those endpoints, so their invalidation holds here too.
 */
@ApplicationScoped
public class ReadyAnswers {
    /** The paths answered here, and the endpoint's path template the HTTP metrics name each by. */
    private static final Map<String, String> TEMPLATES =
            Map.of("/api/config", "/api/config", "/api/models", "/api/models", "/api/v1/chats/", "/api/v1/chats");

    private final TokenIdentityProvider identities;
    private final ConfigAnswers config;
    private final ModelListCache models;
    private final ChatListCache chats;
    private final LongAdder answered = new LongAdder();

    public ReadyAnswers(TokenIdentityProvider identities, ConfigAnswers config, ModelListCache models, ChatListCache chats) {
        this.identities = identities;
        this.config = config;
        this.models = models;
        this.chats = chats;
    }

    void install(@Observes Router router) {
        router.route().order(RouterAnswers.ORDER).handler(this::handle);
    }

    /** How many requests were answered here (for tests). */
    long answered() {
        return answered.sum();
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        byte[] json = ready(context, path);
        if (json == null) {
            context.next();
            return;
        }
        answered.increment();
        RouterAnswers.sendJson(context, TEMPLATES.get(path), json);
    }

    private byte[] ready(RoutingContext context, String path) {
        if (path == null || !TEMPLATES.containsKey(path) || context.request().method() != HttpMethod.GET || !RouterAnswers.acceptsJson(context.request())) {
            return null;
        }
        return switch (path) {
            case "/api/config" -> config(context);
            case "/api/models" -> context.request().query() == null ? models(context) : null;
            case "/api/v1/chats/" -> sidebar(context);
            default -> null;
        };
    }

    private byte[] config(RoutingContext context) {
        String token = TokenAuthenticationMechanism.extract(context);
        if (token == null) {
            return config.readyNow(Optional.empty());
        }
        AuthenticatedUser user = identities.knownCaller(token);
        return user == null ? null : config.readyNow(Optional.of(user));
    }

    private byte[] models(RoutingContext context) {
        AuthenticatedUser user = verifiedCaller(context);
        return user == null ? null : models.readyNow(user);
    }

    private byte[] sidebar(RoutingContext context) {
        AuthenticatedUser user = verifiedCaller(context);
        ChatListCache.Variant variant = user == null ? null : sidebarVariant(context.queryParams());
        return variant == null ? null : chats.readyNow(user.id(), variant);
    }

    /** The list the query asks for; null for a query the REST endpoint should judge (a bad page, another parameter). */
    private static ChatListCache.Variant sidebarVariant(MultiMap query) {
        String page = null;
        boolean includeFolders = false;
        for (var entry : query) {
            String value = entry.getValue();
            if (entry.getKey().equals("page") && page == null && plainPageNumber(value)) {
                page = value;
            } else if (entry.getKey().equals("include_folders") && ("true".equals(value) || "false".equals(value))) {
                includeFolders = "true".equals(value);
            } else {
                return null;
            }
        }
        return ChatListCache.Variant.sidebar(Paging.parse(page, ChatService.PAGE_SIZE), includeFolders);
    }

    private static boolean plainPageNumber(String value) {
        if (value.isEmpty() || value.length() > 9 || value.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private AuthenticatedUser verifiedCaller(RoutingContext context) {
        String token = TokenAuthenticationMechanism.extract(context);
        AuthenticatedUser user = token == null ? null : identities.knownCaller(token);
        return user != null && user.isVerified() ? user : null;
    }
}
