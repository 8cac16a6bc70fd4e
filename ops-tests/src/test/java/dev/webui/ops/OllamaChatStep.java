package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A step of {@link SuiteThroughGatewayIT}: Ollama end to end through the gateway, in our UI. The
 * admin connects a fake Ollama server (the real NDJSON API, {@link FakeOllama}) in Admin ›
 * Connections, pulls a model and sees the progress go up; the admin opens the model to every user
 * with Ollama-only params (API); Bob sets two Ollama-only parameters in Settings and chats with the
 * model, watching the answer stream in. Proved through the API: the chat is saved with the answer,
 * and Ollama's native {@code /api/chat} got the options of the model and of Bob's settings.
 */
final class OllamaChatStep {
    private static final String MODEL = "opsllama:latest";
    private static final String NAME = "Ops Llama";
    private static final String MESSAGE = "Hello Ollama, are you there?";
    private static final String NUM_THREAD = "3";

    private final Map<String, String> browserEnv;
    private final Gateway admin;
    private final Gateway bob;

    OllamaChatStep(Map<String, String> browserEnv, Gateway admin, Gateway bob) {
        this.browserEnv = browserEnv;
        this.admin = admin;
        this.bob = bob;
    }

    void run() throws Exception {
        try (FakeOllama ollama = new FakeOllama()) {
            JsonNode pulled = BrowserSession.run("ollama-pull", env(Map.of("OLLAMA_URL", ollama.url(), "PULL_MODEL", MODEL)),
                    Duration.ofMinutes(2)).get("pulled");
            List<Integer> percents = percents(pulled.path("progress"));
            assertTrue(percents.size() >= 3 && percents.stream().anyMatch(p -> p > 0 && p < 100),
                    "the progress went up while the model was pulled: " + pulled);
            assertEquals(percents.stream().sorted().toList(), percents, "the progress never goes back: " + pulled);
            JsonNode pull = ollama.seen("/api/pull").get(0).body();
            assertEquals(MODEL, pull.path("name").asText(pull.path("model").asText()), pull.toString());
            JsonNode config = admin.get("/ollama/config").json();
            assertTrue(config.path("ENABLE_OLLAMA_API").asBoolean(), config.toString());
            assertEquals(List.of(ollama.url()), Gateway.JSON.convertValue(config.path("OLLAMA_BASE_URLS"), List.class), config.toString());

            openToEveryone();
            JsonNode answered = BrowserSession.run("ollama-chat", env(Map.of("USER_EMAIL", "bob@example.com",
                    "USER_PASSWORD", "b0b-builds", "MODEL", NAME, "MESSAGE", MESSAGE, "NUM_THREAD", NUM_THREAD)),
                    Duration.ofMinutes(2)).get("answered");
            String full = String.join("", FakeOllama.ANSWER);
            assertTrue(answered.path("text").asText().contains(full), answered.toString());
            assertTrue(has(answered.path("partial"), t -> t.contains("Ollama") && !t.contains("fake.")),
                    "the answer was seen growing, not only whole: " + answered);

            String chat = answered.path("chatId").asText();
            JsonNode saved = awaitSaved(chat, full);
            assertEquals(MODEL, saved.path("model").asText(), saved.toString());
            assertEquals(FakeOllama.ANSWER.size(), saved.path("usage").path("completion_tokens").asInt(), "usage from Ollama's counters: " + saved);

            JsonNode sent = ollama.seen("/api/chat").stream().map(FakeOllama.Seen::body)
                    .filter(b -> b.path("stream").asBoolean(false)).reduce((a, b) -> b).orElseThrow();
            assertEquals(MODEL, sent.path("model").asText(), sent.toString());
            JsonNode messages = sent.path("messages");
            assertEquals(MESSAGE, messages.path(messages.size() - 1).path("content").asText(), sent.toString());
            JsonNode options = sent.path("options");
            assertEquals(4096, options.path("num_ctx").asInt(), "the model's param: " + sent);
            assertEquals(Integer.parseInt(NUM_THREAD), options.path("num_thread").asInt(), "Bob's setting: " + sent);
            assertTrue(options.has("use_mmap") && !options.path("use_mmap").asBoolean(true), "Bob's setting: " + sent);
            assertEquals("2m", sent.path("keep_alive").asText(), "keep_alive at Ollama's top level: " + sent);
            assertFalse(options.has("keep_alive"), sent.toString());
        }
    }

    /** The pulled model, open to every user, with Ollama-only params of its own. */
    private void openToEveryone() {
        ObjectNode preset = Gateway.JSON.createObjectNode().put("id", MODEL).putNull("base_model_id").put("name", NAME)
                .put("is_active", true).putNull("access_control");
        preset.putObject("meta");
        preset.putObject("params").put("num_ctx", 4096).put("keep_alive", "2m");
        Gateway.Response created = admin.post("/api/v1/models/create", preset);
        assertEquals(200, created.status(), created.toString());
    }

    private JsonNode awaitSaved(String chat, String text) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            Gateway.Response read = bob.get("/api/v1/chats/" + chat);
            assertEquals(200, read.status(), read.toString());
            JsonNode history = read.json().path("chat").path("history");
            JsonNode answer = history.path("messages").path(history.path("currentId").asText());
            if (answer.path("content").asText().contains(text) && answer.has("usage")) {
                return answer;
            }
            assertTrue(Instant.now().isBefore(deadline), "the saved answer is " + answer);
            Thread.sleep(200);
        }
    }

    private Map<String, String> env(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(browserEnv);
        env.putAll(more);
        return env;
    }

    private static List<Integer> percents(JsonNode texts) {
        List<Integer> found = new ArrayList<>();
        texts.forEach(t -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)%").matcher(t.asText());
            if (m.find()) {
                found.add((int) Double.parseDouble(m.group(1)));
            }
        });
        return found;
    }

    private static boolean has(JsonNode texts, java.util.function.Predicate<String> test) {
        for (JsonNode t : texts) {
            if (test.test(t.asText())) {
                return true;
            }
        }
        return false;
    }
}
