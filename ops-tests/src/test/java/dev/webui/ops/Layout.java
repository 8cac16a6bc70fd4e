package dev.webui.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The layout of docs/architecture.md: services, ports, and which service owns which paths. */
final class Layout {
    static final List<String> SERVICES = List.of("api-service", "auth-service", "file-service", "socketio-bridge");

    /** The port each service's HTTP server (for the bridge: health and metrics) listens on. */
    static final Map<String, Integer> HTTP_PORT = Map.of(
            "api-service", 8080, "auth-service", 8082, "file-service", 8083, "socketio-bridge", 9081);
    static final int BRIDGE_SOCKET_PORT = 8081;
    static final int GATEWAY_CONTAINER_PORT = 8080;
    static final int GATEWAY_HOST_PORT = 3000;

    /** A request path of each family, and the service (and port) that must answer it. */
    static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("/api/v1/auths/signin", "auth-service");
        ROUTES.put("/api/v1/auths/", "auth-service");
        ROUTES.put("/api/v1/users/user-1", "auth-service");
        ROUTES.put("/api/v1/groups/", "auth-service");
        ROUTES.put("/oauth/oidc/login", "auth-service");
        ROUTES.put("/api/v1/files/abc/content", "file-service");
        ROUTES.put("/api/v1/knowledge/", "file-service");
        ROUTES.put("/api/v1/retrieval/query/doc", "file-service");
        ROUTES.put("/api/v1/chats/", "api-service");
        ROUTES.put("/api/v1/folders/", "api-service");
        ROUTES.put("/api/models", "api-service");
        ROUTES.put("/api/chat/completions", "api-service");
        ROUTES.put("/api/config", "api-service");
        ROUTES.put("/openai/models", "api-service");
        ROUTES.put("/ollama/api/tags", "api-service");
        ROUTES.put("/health", "api-service");
        ROUTES.put("/ws/socket.io/?EIO=4&transport=polling", "socketio-bridge");
    }

    /** The port a routed request reaches on its service: the bridge's socket port, else the HTTP port. */
    static int routedPort(String service) {
        return service.equals("socketio-bridge") ? BRIDGE_SOCKET_PORT : HTTP_PORT.get(service);
    }

    private Layout() {
    }
}
