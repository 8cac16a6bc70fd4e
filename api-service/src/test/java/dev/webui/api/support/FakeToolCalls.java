package dev.webui.api.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The scripted tool use of {@link FakeLlm}, in OpenAI's streaming shape: the first fragment of a
 * call brings {@code index}, {@code id}, {@code type} and the name, later ones pieces of the
 * arguments. The last user message names the script; the number of assistant turns with
 * {@code tool_calls} after it is the round. Once the tools answered, the model says what it read:
 * {@code "Read: <content of each tool message of the last turn, joined by " | ">"}.
 * <ul>
 *   <li>{@code tools:add}: "Let me add." and a call add {"a": 2, "b": 3} in three fragments</li>
 *   <li>{@code tools:parallel}: meet {"side": "a"}, lookup {"city": "Paris"}, meet {"side": "b"} in one round, fragments interleaved</li>
 *   <li>{@code tools:fail}: a call of broken {}</li>
 *   <li>{@code tools:slow}: a call of slow {}</li>
 *   <li>{@code tools:loop}: add {"a": 1, "b": 1} every round, never an answer</li>
 *   <li>{@code tools:browser}: weather {"city": "Paris"} (a tool the browser runs)</li>
 * </ul>
 */
public final class FakeToolCalls {
    /** The deltas of one round, and whether it ends with tool calls. */
    public record Round(List<JsonObject> events, boolean toolCalls) {
    }

    private FakeToolCalls() {
    }

    static Round round(JsonObject body, String script) {
        JsonArray messages = body.getJsonArray("messages");
        int round = 0;
        List<String> lastResults = new ArrayList<>();
        for (int i = lastUserIndex(messages) + 1; i < messages.size(); i++) {
            JsonObject message = messages.getJsonObject(i);
            if ("assistant".equals(message.getString("role")) && message.containsKey("tool_calls")) {
                round++;
                lastResults.clear();
            } else if ("tool".equals(message.getString("role"))) {
                lastResults.add(message.getString("content"));
            }
        }
        List<JsonObject> events = new ArrayList<>();
        if (round > 0 && !script.equals("tools:loop")) {
            events.add(new JsonObject().put("content", "Read: "));
            events.add(new JsonObject().put("content", String.join(" | ", lastResults)));
            return new Round(events, false);
        }
        String id = "call_" + round + "_";
        switch (script) {
            case "tools:add" -> {
                events.add(new JsonObject().put("role", "assistant").put("content", "Let me add."));
                events.add(start(0, id + 0, "add"));
                events.add(piece(0, "{\"a\": 2,"));
                events.add(piece(0, " \"b\": 3}"));
            }
            case "tools:parallel" -> {
                events.add(start(0, id + 0, "meet"));
                events.add(start(1, id + 1, "lookup"));
                events.add(piece(0, "{\"side\": \"a\"}"));
                events.add(piece(1, "{\"city\":"));
                events.add(start(2, id + 2, "meet"));
                events.add(piece(1, " \"Paris\"}"));
                events.add(piece(2, "{\"side\": \"b\"}"));
            }
            case "tools:fail" -> events.add(start(0, id + 0, "broken"));
            case "tools:slow" -> {
                events.add(new JsonObject().put("content", "Waiting."));
                events.add(start(0, id + 0, "slow"));
                events.add(piece(0, "{}"));
            }
            case "tools:loop" -> {
                events.add(start(0, id + 0, "add"));
                events.add(piece(0, "{\"a\": 1, \"b\": 1}"));
            }
            case "tools:browser" -> {
                events.add(start(0, id + 0, "weather"));
                events.add(piece(0, "{\"city\": \"Paris\"}"));
            }
            default -> {
                events.add(new JsonObject().put("content", "No script " + script));
                return new Round(events, false);
            }
        }
        return new Round(events, true);
    }

    /**
     * The answer to Open WebUI's tool-choosing task (a system prompt listing the tools): add {"a": 2,
     * "b": 3, "junk": 1} when the conversation mentions "prompted-add", no call otherwise; null for other prompts.
     */
    static String choice(JsonObject body, String prompt) {
        JsonArray messages = body.getJsonArray("messages");
        JsonObject first = messages.isEmpty() ? null : messages.getJsonObject(0);
        if (first == null || !"system".equals(first.getString("role")) || !String.valueOf(first.getValue("content")).contains("\"name\":\"add\"")) {
            return null;
        }
        return prompt.contains("prompted-add")
                ? "Here you go: {\"tool_calls\": [{\"name\": \"add\", \"parameters\": {\"a\": 2, \"b\": 3, \"junk\": 1}}]}"
                : "{\"tool_calls\": []}";
    }

    private static JsonObject start(int index, String id, String name) {
        JsonObject call = new JsonObject().put("index", index).put("id", id).put("type", "function")
                .put("function", new JsonObject().put("name", name).put("arguments", ""));
        return new JsonObject().put("tool_calls", new JsonArray().add(call));
    }

    private static JsonObject piece(int index, String arguments) {
        JsonObject call = new JsonObject().put("index", index).put("function", new JsonObject().put("arguments", arguments));
        return new JsonObject().put("tool_calls", new JsonArray().add(call));
    }

    private static int lastUserIndex(JsonArray messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.getJsonObject(i).getString("role"))) {
                return i;
            }
        }
        return -1;
    }
}
