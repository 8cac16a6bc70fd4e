package dev.webui.bridge.events;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.bridge.session.LocalSessions;
import dev.webui.bridge.session.SessionRegistry;
import org.jboss.logging.Logger;

/** {@code usage}: an authenticated socket marks a model as in use for the next 3 seconds (GET /api/usage). */
public final class UsageEvents {
    private static final Logger LOG = Logger.getLogger(UsageEvents.class);

    private final LocalSessions local;
    private final SessionRegistry registry;

    public UsageEvents(LocalSessions local, SessionRegistry registry) {
        this.local = local;
        this.registry = registry;
    }

    public void register(SocketIOServer server) {
        server.addEventListener("usage", JsonNode.class, this::usage);
    }

    private void usage(SocketIOClient client, JsonNode data, AckRequest ack) {
        JsonNode model = data == null ? null : data.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank() || !local.isBound(client.getSessionId())) {
            return;
        }
        registry.recordUsage(model.asText()).subscribe().with(done -> { },
                e -> LOG.warnf(e, "Could not record model usage"));
    }
}
