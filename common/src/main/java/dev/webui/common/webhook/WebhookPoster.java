package dev.webui.common.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.common.net.InternalAddresses;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;

/**
 * Posts notifications to webhook URLs (docs/webhooks.md), off the request path: a post never
 * fails its caller, it answers whether the endpoint took it (2xx). Redirects are not followed. A
 * user's own URL must resolve to public addresses only (unless WEBHOOK_ALLOW_LOCAL_ADDRESSES), and
 * the connection goes to the address that was checked, so a second lookup cannot swap it. Logs
 * name the host only: webhook paths carry secrets.
 */
@ApplicationScoped
public class WebhookPoster {
    private static final Logger LOG = Logger.getLogger(WebhookPoster.class);

    /** Who chose the URL: the admin's is trusted to reach the deployment's own network, a user's is not. */
    public enum Origin { ADMIN, USER }

    private final Vertx vertx;
    private final WebhookConfig config;
    private final ObjectMapper mapper;
    private volatile HttpClient http;

    public WebhookPoster(Vertx vertx, WebhookConfig config, ObjectMapper mapper) {
        this.vertx = vertx;
        this.config = config;
        this.mapper = mapper;
    }

    @PreDestroy
    void close() {
        if (http != null) {
            http.close();
        }
    }

    /** True when the endpoint answered 2xx; false (and a log line) for anything else. */
    public Uni<Boolean> post(String url, WebhookEvent event, Origin origin) {
        URI target = WebhookUrl.parse(url).orElse(null);
        if (target == null) {
            LOG.warnf("Webhook not sent (%s): %s", event.action(), WebhookUrl.RULE);
            return Uni.createFrom().item(false);
        }
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(WebhookPayloads.of(target, config.webuiName(), event, mapper));
        } catch (Exception e) {
            LOG.warnf(e, "Webhook not sent (%s): the event could not be written", event.action());
            return Uni.createFrom().item(false);
        }
        boolean mayBeLocal = origin == Origin.ADMIN || config.allowLocalAddresses();
        return Uni.createFrom().item(() -> address(target.getHost(), mayBeLocal))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(address -> Uni.createFrom().completionStage(() -> onEventLoop(target, address, body).toCompletionStage()))
                .map(status -> {
                    if (status / 100 != 2) {
                        LOG.warnf("Webhook to %s (%s) answered %d", target.getHost(), event.action(), status);
                    }
                    return status / 100 == 2;
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Webhook to %s (%s) not delivered: %s", target.getHost(), event.action(), e.getMessage());
                    return false;
                });
    }

    private static InetAddress address(String host, boolean mayBeLocal) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.replaceAll("^\\[|]$", ""));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the host could not be resolved");
        }
        if (!mayBeLocal) {
            for (InetAddress address : addresses) {
                if (InternalAddresses.isInternal(address)) {
                    throw new IllegalStateException("refused: it resolves to an address inside the deployment (" + address.getHostAddress()
                            + "); an admin may allow that with WEBHOOK_ALLOW_LOCAL_ADDRESSES=true");
                }
            }
        }
        return addresses[0];
    }

    /** The lookup ran on a worker; the exchange runs on an event loop, where Vert.x delivers its answer. */
    private Future<Integer> onEventLoop(URI target, InetAddress address, byte[] body) {
        Promise<Integer> done = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> send(target, address, body).onComplete(done));
        return done.future();
    }

    private Future<Integer> send(URI target, InetAddress address, byte[] body) {
        boolean tls = target.getScheme().equalsIgnoreCase("https");
        int port = target.getPort() > 0 ? target.getPort() : tls ? 443 : 80;
        String path = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(target.getHost()).setPort(port).setSsl(tls).setURI(path)
                .setFollowRedirects(false)
                .setIdleTimeout(TimeUnit.SECONDS.toMillis(config.timeoutSeconds()))
                .putHeader("Content-Type", "application/json");
        return client().request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> {
                    response.handler(ignored -> { });
                    return response.end().map(done -> response.statusCode());
                });
    }

    /** Created on the first post: most installations never send one. */
    private HttpClient client() {
        HttpClient current = http;
        if (current == null) {
            synchronized (this) {
                if (http == null) {
                    http = vertx.createHttpClient(new HttpClientOptions().setTcpNoDelay(true).setForceSni(true)
                                    .setConnectTimeout((int) TimeUnit.SECONDS.toMillis(config.timeoutSeconds())),
                            new PoolOptions().setHttp1MaxSize(8));
                }
                current = http;
            }
        }
        return current;
    }
}
