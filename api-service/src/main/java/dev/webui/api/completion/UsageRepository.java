package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;

/** completion_usage: the tokens of each answer, as the provider reported them. */
@ApplicationScoped
public class UsageRepository {
    private final Pool pool;

    public UsageRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> record(String userId, String modelId, String chatId, String messageId, JsonNode usage) {
        int prompt = usage.path("prompt_tokens").asInt(0);
        int completion = usage.path("completion_tokens").asInt(0);
        int total = usage.path("total_tokens").asInt(prompt + completion);
        return pool.preparedQuery("INSERT INTO completion_usage (user_id, model_id, chat_id, message_id, prompt_tokens, "
                        + "completion_tokens, total_tokens, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.tuple(Arrays.asList(userId, modelId, chatId, messageId, prompt, completion, total,
                        Instant.now().getEpochSecond())))
                .replaceWithVoid();
    }
}
