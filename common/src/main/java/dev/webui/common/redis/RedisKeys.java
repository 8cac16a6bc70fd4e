package dev.webui.common.redis;

import dev.webui.common.config.CoreConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Every Redis key and channel name of the suite, under REDIS_KEY_PREFIX (see docs/redis.md). */
@ApplicationScoped
public class RedisKeys {
    private final String prefix;

    public RedisKeys(CoreConfig config) {
        this.prefix = config.redisKeyPrefix();
    }

    public String prefix() {
        return prefix;
    }

    /** Sorted set: revocation ids of signed-out tokens, scored by the unix second the token expires. */
    public String revokedTokens() {
        return prefix + ":auth:revoked";
    }

    /** Pub/sub channel: JSON {"id", "exp"} of each sign-out; every replica adds it to its local copy. */
    public String revocationChannel() {
        return prefix + ":auth:revocations";
    }

    /** Glob of the earlier layout's marks (one string key per SHA-256 of a token), moved into {@link #revokedTokens()}. */
    public String legacyRevokedTokenPattern() {
        return prefix + ":auth:revoked:*";
    }

    /** Counter of recent failed sign-ins for one account or client address ({@code kind}: account, address). */
    public String signInFailures(String kind, String subject) {
        return prefix + ":auth:failures:" + kind + ":" + subject;
    }

    /** Pub/sub channel: a user id whose cached copy every replica must drop. */
    public String userChangedChannel() {
        return prefix + ":users:changed";
    }

    /** Pub/sub channel: any message means a group changed (permissions, members); replicas drop what they derived from groups. */
    public String groupsChangedChannel() {
        return prefix + ":groups:changed";
    }

    /** Pub/sub channel: emit requests for the Socket.IO bridge. */
    public String emitChannel() {
        return prefix + ":bridge:emit";
    }

    /** Pub/sub channel: any message means the settings document (config.data) changed; replicas re-read it. */
    public String settingsChangedChannel() {
        return prefix + ":config:changed";
    }

    /** Pub/sub channel: model presets or connections changed; replicas refresh their model lists. */
    public String modelsChangedChannel() {
        return prefix + ":models:changed";
    }

    /** Pub/sub channel: acknowledged emits ("event calls") for one socket; see docs/redis.md. */
    public String callChannel() {
        return prefix + ":bridge:call";
    }

    /** Pub/sub channel on which the process {@code instanceId} receives the answers to its event calls. */
    public String callReplyChannel(String instanceId) {
        return prefix + ":bridge:reply:" + instanceId;
    }

    /** Pub/sub channel nobody publishes to: the last of a subscription's channels, whose confirmation marks it live. */
    public String subscriptionMarker(String id) {
        return prefix + ":subscription:" + id;
    }

    /** Pub/sub channel: client events the bridge forwards to the services, with the authenticated user id. */
    public String clientEventChannel() {
        return prefix + ":bridge:client-events";
    }

    /** Hash: socket id -> JSON {"user_id", "instance"} of every authenticated socket of the fleet. */
    public String bridgeSessions() {
        return prefix + ":bridge:sessions";
    }

    /** Set: ids of the users with at least one authenticated socket. */
    public String bridgeUsers() {
        return prefix + ":bridge:users";
    }

    /** Set: socket ids of one user. */
    public String bridgeUserSids(String userId) {
        return prefix + ":bridge:user:" + userId;
    }

    /** Set: ids of the bridge instances that registered sockets. */
    public String bridgeInstances() {
        return prefix + ":bridge:instances";
    }

    /** Set: socket ids held by one bridge instance. */
    public String bridgeInstanceSids(String instanceId) {
        return prefix + ":bridge:instance:" + instanceId + ":sids";
    }

    /** String with a TTL, refreshed while the bridge instance lives. */
    public String bridgeInstanceAlive(String instanceId) {
        return prefix + ":bridge:instance:" + instanceId + ":alive";
    }

    /** Sorted set: model id scored by the unix milliseconds of its latest "usage" ping. */
    public String bridgeModelUsage() {
        return prefix + ":bridge:usage";
    }

    /** Set: collaborative documents (ids with ':' replaced by '_') a socket has joined. */
    public String bridgeSidDocuments(String sid) {
        return prefix + ":bridge:sid:" + sid + ":docs";
    }

    /** List: the Yjs updates (JSON byte arrays) of a collaborative document, upstream layout. */
    public String ydocUpdates(String documentId) {
        return prefix + ":ydoc:documents:" + ydocKey(documentId) + ":updates";
    }

    /** Set: socket ids editing a collaborative document, upstream layout. */
    public String ydocUsers(String documentId) {
        return prefix + ":ydoc:documents:" + ydocKey(documentId) + ":users";
    }

    /** A document id as it appears inside ydoc keys (':' replaced by '_', as upstream does). */
    public static String ydocKey(String documentId) {
        return documentId.replace(':', '_');
    }

    /** String with a TTL, refreshed while the task runs: JSON {"item_id", "user_id"} of a running task. */
    public String task(String taskId) {
        return prefix + ":tasks:task:" + taskId;
    }

    /** Set: ids of the tasks running for one item (a chat id). */
    public String tasksOfItem(String itemId) {
        return prefix + ":tasks:item:" + itemId;
    }

    /** Set: ids of the tasks one user started. */
    public String tasksOfUser(String userId) {
        return prefix + ":tasks:user:" + userId;
    }

    /** Pub/sub channel: JSON {"action": "stop", "task_id"}; the replica running the task cancels it. */
    public String taskCommandsChannel() {
        return prefix + ":tasks:commands";
    }
}
