package dev.webui.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A request to the Socket.IO bridge to emit {@code event} with {@code data} to the sockets named
 * by {@code to}. Published as JSON on the emit channel; the format is in docs/redis.md.
 * {@code requestId} (optional) names the request that caused it, for the bridge's log lines.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmitRequest(String event, Object data, Target to, String requestId) {

    public EmitRequest(String event, Object data, Target to) {
        this(event, data, to, null);
    }

    public EmitRequest withRequestId(String id) {
        return new EmitRequest(event, data, to, id);
    }

    /**
     * Who receives it: any combination of users (all their sockets), socket ids and rooms, or everyone;
     * minus the sockets in any of {@code exceptRooms}.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Target(List<String> userIds, List<String> sids, List<String> rooms, boolean all, List<String> exceptRooms) {
        public static Target users(String... userIds) {
            return new Target(List.of(userIds), List.of(), List.of(), false, List.of());
        }

        public static Target sid(String sid) {
            return new Target(List.of(), List.of(sid), List.of(), false, List.of());
        }

        public static Target room(String room) {
            return new Target(List.of(), List.of(), List.of(room), false, List.of());
        }

        public static Target everyone() {
            return new Target(List.of(), List.of(), List.of(), true, List.of());
        }

        /** Users by id (all their sockets), except the sockets already in {@code room}. */
        public static Target usersOutside(String room, List<String> userIds) {
            return new Target(List.copyOf(userIds), List.of(), List.of(), false, List.of(room));
        }

        /** Every socket except those in {@code room}. */
        public static Target everyoneOutside(String room) {
            return new Target(List.of(), List.of(), List.of(), true, List.of(room));
        }
    }
}
