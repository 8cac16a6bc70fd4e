package dev.webui.api.notify;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The webhook URLs users saved in their settings ({@code ui.notifications.webhook_url}). */
@ApplicationScoped
public class WebhookTargets {
    private static final String URL = "settings -> 'ui' -> 'notifications' ->> 'webhook_url'";

    private final Pool pool;

    public WebhookTargets(Pool pool) {
        this.pool = pool;
    }

    /** User id to URL, for those of {@code userIds} who saved one. */
    public Uni<Map<String, String>> urls(List<String> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT id, " + URL + " AS url FROM \"user\" WHERE id = ANY($1) AND coalesce(" + URL + ", '') <> ''")
                .execute(Tuple.of(userIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> urls = new LinkedHashMap<>();
                    for (Row row : rows) {
                        urls.put(row.getString("id"), row.getString("url"));
                    }
                    return urls;
                });
    }
}
