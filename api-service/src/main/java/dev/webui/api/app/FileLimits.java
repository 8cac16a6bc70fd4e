package dev.webui.api.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.webui.api.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * The upload limits /api/config advertises, from where file-service keeps them: its retrieval
 * overrides ({@code rag_config.data}, keys FILE_MAX_SIZE and FILE_MAX_COUNT, set through
 * /api/v1/retrieval/config) over the FILE_MAX_SIZE / FILE_MAX_COUNT variables. Re-read at most
 * every {@link #MAX_AGE}, as often as file-service itself re-reads them.
 */
@ApplicationScoped
public class FileLimits {
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    /** Each a number, or JSON null for unlimited. */
    public record Limits(JsonNode maxSize, JsonNode maxCount) {
    }

    private record Snapshot(Limits limits, long loadedAtNanos) {
    }

    private final Pool pool;
    private final AppConfig app;
    private final JsonText json;
    private volatile Snapshot snapshot;

    public FileLimits(Pool pool, AppConfig app, JsonText json) {
        this.pool = pool;
        this.app = app;
        this.json = json;
    }

    public Uni<Limits> current() {
        Snapshot current = snapshot;
        if (current != null && System.nanoTime() - current.loadedAtNanos() < MAX_AGE.toNanos()) {
            return Uni.createFrom().item(current.limits());
        }
        return pool.query("SELECT data::text AS data FROM rag_config WHERE id = 1").execute().map(rows -> {
            JsonNode stored = rows.size() == 0 ? null : json.read(rows.iterator().next().getString("data"));
            JsonNode size = app.fileMaxSize().<JsonNode>map(JsonNodeFactory.instance::numberNode).orElse(NullNode.instance);
            JsonNode count = app.fileMaxCount().<JsonNode>map(JsonNodeFactory.instance::numberNode).orElse(NullNode.instance);
            Limits limits = new Limits(override(stored, "FILE_MAX_SIZE", size), override(stored, "FILE_MAX_COUNT", count));
            snapshot = new Snapshot(limits, System.nanoTime());
            return limits;
        });
    }

    /** file-service's reading of a stored value: a number, a numeric string, or null/blank for unlimited. */
    private static JsonNode override(JsonNode stored, String key, JsonNode fallback) {
        if (stored == null || !stored.has(key)) {
            return fallback;
        }
        JsonNode value = stored.get(key);
        if (value.isNumber()) {
            return value;
        }
        if (value.isTextual() && !value.asText().isBlank()) {
            try {
                double number = Double.parseDouble(value.asText().trim());
                return number == Math.rint(number) ? JsonNodeFactory.instance.numberNode((long) number)
                        : JsonNodeFactory.instance.numberNode(number);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return NullNode.instance;
    }
}
