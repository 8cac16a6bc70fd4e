package dev.webui.api.tool.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.api.tool.server.ToolServerConfig;
import dev.webui.api.tool.server.ToolServerConnection;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Open MCP client sessions, one per server entry and Authorization header (a {@code session}
 * server gets one per caller token), at most {@value #MAX_SESSIONS}: the least recently used is
 * closed first. A session is opened (initialize) on first use. When a request fails below the
 * protocol (the server restarted and forgot the session, the connection broke), the session is
 * closed and the request is tried once more on a new one; a JSON-RPC error from the server or a
 * timeout is passed on as it is. All sessions are closed when the service stops.
 */
@ApplicationScoped
public class McpSessions {
    private static final Logger LOG = Logger.getLogger(McpSessions.class);
    private static final int MAX_SESSIONS = 64;

    private record Key(String fingerprint, String authorization) {
    }

    private record Session(McpAsyncClient client, Uni<McpAsyncClient> ready) {
    }

    private final Map<Key, Session> sessions = new LinkedHashMap<>(16, 0.75f, true);
    private final JacksonMcpJsonMapper jsonMapper = new JacksonMcpJsonMapper(new ObjectMapper());
    private final Duration openTimeout;
    private final int maxResponseBytes;

    public McpSessions(ToolServerConfig config) {
        this.openTimeout = Duration.ofSeconds(Math.max(1, config.specTimeoutSeconds()));
        this.maxResponseBytes = Math.max(64 * 1024, config.maxResponseBytes()) * 2;
    }

    public Uni<List<McpSchema.Tool>> listTools(ToolServerConnection server, String authorization) {
        return withSession(server, authorization, openTimeout, client -> Uni.createFrom().completionStage(() -> client.listTools().toFuture())
                .map(McpSchema.ListToolsResult::tools));
    }

    public Uni<McpSchema.CallToolResult> callTool(ToolServerConnection server, String authorization, String tool,
                                                  Map<String, Object> arguments, Duration timeout) {
        McpSchema.CallToolRequest request = new McpSchema.CallToolRequest(tool, arguments);
        return withSession(server, authorization, timeout, client -> Uni.createFrom().completionStage(() -> client.callTool(request).toFuture()));
    }

    /**
     * Opens a session of its own, lists the tools and closes it again: the admin's check of a
     * connection before it is saved.
     */
    public Uni<List<McpSchema.Tool>> probe(ToolServerConnection server, String authorization) {
        McpAsyncClient client = client(server, server.authorization(authorization).orElse(""));
        return Uni.createFrom().completionStage(() -> client.initialize().then(client.listTools()).toFuture())
                .map(McpSchema.ListToolsResult::tools).ifNoItem().after(openTimeout).fail()
                .onTermination().invoke(() -> close(client));
    }

    private <T> Uni<T> withSession(ToolServerConnection server, String authorization, Duration timeout,
                                   Function<McpAsyncClient, Uni<T>> action) {
        Key key = new Key(server.fingerprint(), server.authorization(authorization).orElse(""));
        return attempt(server, key, timeout, action).onFailure(McpSessions::brokenSession).recoverWithUni(e -> {
            LOG.infof("MCP server %s: %s; opening a new session", server.toolId(), e.toString());
            return attempt(server, key, timeout, action);
        });
    }

    private <T> Uni<T> attempt(ToolServerConnection server, Key key, Duration timeout, Function<McpAsyncClient, Uni<T>> action) {
        Session session = session(server, key);
        return session.ready().chain(client -> action.apply(client)).ifNoItem().after(timeout).fail()
                .onFailure(McpSessions::brokenSession).invoke(() -> discard(key, session));
    }

    /** Whether a failure means the session is gone rather than the request refused or slow. */
    private static boolean brokenSession(Throwable e) {
        return !(e instanceof McpError) && !(e instanceof TimeoutException);
    }

    private synchronized Session session(ToolServerConnection server, Key key) {
        Session session = sessions.get(key);
        if (session == null) {
            McpAsyncClient client = client(server, key.authorization());
            session = new Session(client, Uni.createFrom().completionStage(() -> client.initialize().toFuture())
                    .replaceWith(client).memoize().indefinitely());
            sessions.put(key, session);
            if (sessions.size() > MAX_SESSIONS) {
                var eldest = sessions.entrySet().iterator().next();
                sessions.remove(eldest.getKey());
                close(eldest.getValue().client());
            }
        }
        return session;
    }

    /** A client whose requests are bounded by the caller's timeouts; the SDK's own limit only ends requests nobody waits for. */
    private McpAsyncClient client(ToolServerConnection server, String authorization) {
        return McpClient.async(transport(server, authorization)).requestTimeout(Duration.ofMinutes(10))
                .initializationTimeout(openTimeout).clientInfo(new McpSchema.Implementation("open-webui-java", "0.6.32")).build();
    }

    private synchronized void discard(Key key, Session session) {
        if (sessions.remove(key, session)) {
            close(session.client());
        }
    }

    private McpClientTransport transport(ToolServerConnection server, String authorization) {
        URI uri = URI.create(server.url());
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        boolean sse = uri.getPath() != null && uri.getPath().endsWith("/sse");
        if (sse) {
            var builder = HttpClientSseClientTransport.builder(base).sseEndpoint(path).jsonMapper(jsonMapper)
                    .connectTimeout(openTimeout).maxResponseSize(maxResponseBytes);
            if (!authorization.isEmpty()) {
                builder.httpRequestCustomizer((request, method, endpoint, body, context) -> request.setHeader("Authorization", authorization));
            }
            return builder.build();
        }
        var builder = HttpClientStreamableHttpTransport.builder(base).endpoint(path).jsonMapper(jsonMapper)
                .connectTimeout(openTimeout).maxResponseSize(maxResponseBytes);
        if (!authorization.isEmpty()) {
            builder.httpRequestCustomizer((request, method, endpoint, body, context) -> request.setHeader("Authorization", authorization));
        }
        return builder.build();
    }

    private static void close(McpAsyncClient client) {
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.debugf("Closing an MCP session failed: %s", e);
        }
    }

    @PreDestroy
    synchronized void closeAll() {
        List<Session> open = new ArrayList<>(sessions.values());
        sessions.clear();
        open.forEach(session -> close(session.client()));
    }
}
