package dev.webui.api.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Running tasks of the whole fleet, in Redis: a key per task with a TTL that its replica keeps
 * refreshing (a crashed replica's tasks disappear by themselves), plus sets per item and per user.
 * Stop requests go out on a pub/sub channel; the replica holding the task cancels it.
 */
@ApplicationScoped
public class TaskRegistry {
    private static final Logger LOG = Logger.getLogger(TaskRegistry.class);
    static final Duration TTL = Duration.ofSeconds(60);
    private static final Duration REFRESH = Duration.ofSeconds(20);

    /** A task as the registry knows it. */
    public record TaskInfo(String itemId, String userId) {
    }

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final Map<String, Runnable> local = new ConcurrentHashMap<>();
    private volatile Cancellable subscription;
    private volatile Cancellable refresher;

    public TaskRegistry(ReactiveRedisDataSource redis, RedisKeys keys, ObjectMapper json) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        subscription = redis.pubsub(String.class).subscribe(keys.taskCommandsChannel())
                .onFailure().invoke(e -> LOG.warnf("Task command subscription lost (%s); retrying", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .subscribe().with(this::command);
        refresher = Multi.createFrom().ticks().every(REFRESH)
                .onItem().transformToUniAndConcatenate(tick -> refresh().onFailure().recoverWithNull())
                .subscribe().with(ignored -> { });
    }

    void stop(@Observes ShutdownEvent event) {
        for (Cancellable current : new Cancellable[] {subscription, refresher}) {
            if (current != null) {
                current.cancel();
            }
        }
    }

    /** Registers a task of this replica; {@code cancel} runs when anyone stops it. */
    public Uni<Void> register(String taskId, String itemId, String userId, Runnable cancel) {
        local.put(taskId, cancel);
        String value = json.createObjectNode().put("item_id", itemId).put("user_id", userId).toString();
        List<Request> writes = new ArrayList<>();
        writes.add(Request.cmd(Command.SETEX).arg(keys.task(taskId)).arg(TTL.toSeconds()).arg(value));
        writes.add(Request.cmd(Command.SADD).arg(keys.tasksOfUser(userId)).arg(taskId));
        if (itemId != null) {
            writes.add(Request.cmd(Command.SADD).arg(keys.tasksOfItem(itemId)).arg(taskId));
        }
        return batch(writes).onFailure().invoke(() -> local.remove(taskId));
    }

    public Uni<Void> finish(String taskId, String itemId, String userId) {
        local.remove(taskId);
        List<Request> writes = new ArrayList<>();
        writes.add(Request.cmd(Command.DEL).arg(keys.task(taskId)));
        writes.add(Request.cmd(Command.SREM).arg(keys.tasksOfUser(userId)).arg(taskId));
        if (itemId != null) {
            writes.add(Request.cmd(Command.SREM).arg(keys.tasksOfItem(itemId)).arg(taskId));
        }
        return batch(writes)
                .onFailure().invoke(e -> LOG.warnf(e, "Task %s not removed from the registry", taskId))
                .onFailure().recoverWithNull();
    }

    /**
     * The writes of one task pipelined on one pooled connection: a task's start and end cost one
     * connection from the pool instead of one per key, which matters with hundreds of streams
     * starting at once beside the token checks that share the pool.
     */
    private Uni<Void> batch(List<Request> writes) {
        return redis.getRedis().batch(writes).replaceWithVoid();
    }

    /** Running tasks the user started. */
    public Uni<List<String>> ofUser(String userId) {
        return alive(keys.tasksOfUser(userId), userId);
    }

    /** Running tasks of the user on one chat. */
    public Uni<List<String>> ofItem(String userId, String itemId) {
        return alive(keys.tasksOfItem(itemId), userId);
    }

    public Uni<TaskInfo> find(String taskId) {
        return redis.value(String.class).get(keys.task(taskId)).map(this::parse);
    }

    /** Asks every replica to stop the task; false when it is not running or not the user's. */
    public Uni<Boolean> stop(String userId, String taskId) {
        return find(taskId).chain(info -> {
            if (info == null || !userId.equals(info.userId())) {
                return Uni.createFrom().item(false);
            }
            String command = json.createObjectNode().put("action", "stop").put("task_id", taskId).toString();
            return redis.pubsub(String.class).publish(keys.taskCommandsChannel(), command).replaceWith(true);
        });
    }

    /** Members of a set whose task key still exists; dead ones (a crashed replica's) are pruned. */
    private Uni<List<String>> alive(String setKey, String userId) {
        return redis.set(String.class).smembers(setKey).chain(ids -> {
            if (ids.isEmpty()) {
                return Uni.createFrom().item(List.<String>of());
            }
            List<String> ordered = List.copyOf(ids);
            String[] taskKeys = ordered.stream().map(keys::task).toArray(String[]::new);
            return redis.value(String.class).mget(taskKeys).chain(values -> {
                List<String> running = new ArrayList<>();
                List<String> dead = new ArrayList<>();
                for (String id : ordered) {
                    TaskInfo info = parse(values.get(keys.task(id)));
                    if (info == null) {
                        dead.add(id);
                    } else if (userId.equals(info.userId())) {
                        running.add(id);
                    }
                }
                Uni<?> prune = dead.isEmpty() ? Uni.createFrom().voidItem()
                        : redis.set(String.class).srem(setKey, dead.toArray(String[]::new));
                return prune.replaceWith(running);
            });
        });
    }

    private Uni<Void> refresh() {
        Set<String> ids = Set.copyOf(local.keySet());
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Request> writes = new ArrayList<>();
        ids.forEach(id -> writes.add(Request.cmd(Command.EXPIRE).arg(keys.task(id)).arg(TTL.toSeconds())));
        return batch(writes);
    }

    private void command(String message) {
        try {
            JsonNode command = json.readTree(message);
            if ("stop".equals(command.path("action").asText())) {
                Runnable cancel = local.remove(command.path("task_id").asText());
                if (cancel != null) {
                    cancel.run();
                }
            }
        } catch (Exception e) {
            LOG.warnf("Ignoring a malformed task command: %s", e.getMessage());
        }
    }

    private TaskInfo parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(value);
            return new TaskInfo(node.path("item_id").isTextual() ? node.get("item_id").textValue() : null,
                    node.path("user_id").asText());
        } catch (Exception e) {
            return null;
        }
    }
}
