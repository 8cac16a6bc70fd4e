package dev.webui.api.tool.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.access.AccessChecker;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.core.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * The admin's tool servers (TOOL_SERVER_CONNECTIONS) and who may use which: a server is usable
 * when it is enabled, its auth type is one we can serve, and its {@code config.access_control}
 * lets the caller read it (no owner; admins pass when BYPASS_ADMIN_ACCESS_CONTROL is on).
 */
@ApplicationScoped
public class ToolServers {
    private static final Logger LOG = Logger.getLogger(ToolServers.class);

    private final SettingsStore settings;
    private final AccessChecker access;

    public ToolServers(SettingsStore settings, AccessChecker access) {
        this.settings = settings;
        this.access = access;
    }

    public List<ToolServerConnection> all() {
        JsonNode list = settings.get(Settings.TOOL_SERVER_CONNECTIONS);
        List<ToolServerConnection> all = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).isObject()) {
                    all.add(ToolServerConnection.of(i, list.get(i)));
                }
            }
        }
        return all;
    }

    /** The enabled servers of a type the user may read, with an auth type we can serve. */
    public Uni<List<ToolServerConnection>> usable(AuthenticatedUser user, String type) {
        List<ToolServerConnection> candidates = all().stream()
                .filter(s -> s.type().equals(type) && s.enabled() && s.id() != null && !s.url().isBlank()).toList();
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return access.rights(user).map(rights -> candidates.stream().filter(server -> {
            if (!rights.canRead(null, server.accessControl())) {
                return false;
            }
            if (!server.authSupported()) {
                LOG.warnf("Tool server %s uses auth type '%s', which this suite does not support (only none, bearer and session); it is skipped",
                        server.toolId(), server.authType());
                return false;
            }
            return true;
        }).toList());
    }
}
