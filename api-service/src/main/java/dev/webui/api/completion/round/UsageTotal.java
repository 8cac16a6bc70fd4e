package dev.webui.api.completion.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** The usage of an answer of several rounds: the numbers of every round added up, field by field (nested ones too). */
public final class UsageTotal {
    private UsageTotal() {
    }

    /** @return {@code next} when there is no total yet, else a new object with the sums */
    public static JsonNode add(JsonNode total, JsonNode next) {
        if (total == null || !total.isObject()) {
            return next;
        }
        if (next == null || !next.isObject()) {
            return total;
        }
        ObjectNode sum = ((ObjectNode) total).deepCopy();
        merge(sum, next);
        return sum;
    }

    private static void merge(ObjectNode sum, JsonNode next) {
        for (Map.Entry<String, JsonNode> field : next.properties()) {
            JsonNode mine = sum.get(field.getKey());
            JsonNode theirs = field.getValue();
            if (theirs.isIntegralNumber() && (mine == null || mine.isIntegralNumber())) {
                sum.put(field.getKey(), (mine == null ? 0 : mine.longValue()) + theirs.longValue());
            } else if (theirs.isNumber() && (mine == null || mine.isNumber())) {
                sum.put(field.getKey(), (mine == null ? 0 : mine.doubleValue()) + theirs.doubleValue());
            } else if (theirs.isObject() && mine instanceof ObjectNode nested) {
                merge(nested, theirs);
            } else if (mine == null) {
                sum.set(field.getKey(), theirs.deepCopy());
            }
        }
    }
}
