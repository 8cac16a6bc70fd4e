package dev.webui.bridge.delivery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * An emit request as it travels on the emit channel: the JSON of common's EmitRequest, plus
 * {@code to.except_sids}, which the bridge itself uses for room fan-outs that skip the sender.
 * {@code to.except_rooms} drops the sockets in those rooms (e.g. a notification to the members not
 * already watching a channel). {@code request_id} (optional) names the request that caused it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Emit(String event, JsonNode data, Target to, String requestId) {

    public Emit(String event, JsonNode data, Target to) {
        this(event, data, to, null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Target(List<String> userIds, List<String> sids, List<String> rooms, boolean all, List<String> exceptSids,
                         List<String> exceptRooms) {
        public static Target room(String room, String exceptSid) {
            return new Target(List.of(), List.of(), List.of(room), false, exceptSid == null ? List.of() : List.of(exceptSid), List.of());
        }

        List<String> userIdsOrEmpty() {
            return userIds == null ? List.of() : userIds;
        }

        List<String> sidsOrEmpty() {
            return sids == null ? List.of() : sids;
        }

        List<String> roomsOrEmpty() {
            return rooms == null ? List.of() : rooms;
        }

        List<String> exceptSidsOrEmpty() {
            return exceptSids == null ? List.of() : exceptSids;
        }

        List<String> exceptRoomsOrEmpty() {
            return exceptRooms == null ? List.of() : exceptRooms;
        }
    }
}
