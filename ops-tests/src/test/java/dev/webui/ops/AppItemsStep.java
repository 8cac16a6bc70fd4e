package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static dev.webui.ops.SuiteThroughGatewayIT.awaitTrue;
import static dev.webui.ops.SuiteThroughGatewayIT.lastMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Steps of {@link SuiteThroughGatewayIT} for the chat user's app (issue 25's items): the browser scenarios of
 * src/test/node/app.mjs, each outcome then read back through the API or from the fake upstream's requests.
 * They run after the other browser steps: the chat step opens the cited chat of the knowledge step, the
 * settings step archives the admin's chats, the admin step renames a model and switches titles off.
 */
final class AppItemsStep {
    static final String FOLDER = "Runbooks";
    private static final Duration BROWSER = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RICH = FakeOpenAi.VERBATIM + "\nA **bold** plan:\n\n- [x] shipped\n- [ ] tested\n\n"
            + "```js\nconst a = 1;\nconst b = 2;\nconst c = a + b;\n```\n\nThat is all for now.";

    private final FakeOpenAi upstream;
    private final Gateway admin;
    private final Gateway anonymous;
    private final Map<String, String> env;

    AppItemsStep(FakeOpenAi upstream, Gateway admin, Gateway anonymous, Map<String, String> browserEnv) {
        this.upstream = upstream;
        this.admin = admin;
        this.anonymous = anonymous;
        this.env = browserEnv;
    }

    /** Items 2, 3, 4 (chat menu and import), 8, 9 and 10 on one signed-in page. */
    void chatFeatures() throws Exception {
        String cited = citedChat();
        String clipboard = "stack trace " + UUID.randomUUID().toString().substring(0, 6);
        Gateway.Response prompt = admin.post("/api/v1/prompts/create", Map.of("command", "/explain-ops", "title", "Explain",
                "content", "Explain {{CLIPBOARD}} to {{USER_NAME}}", "access_control", Map.of()));
        assertEquals(200, prompt.status(), prompt.toString());
        int before = upstream.completions().size();
        Map<String, JsonNode> found = BrowserSession.run("app-chat", with(Map.of("MODEL", FakeOpenAi.ECHO, "RICH_MESSAGE", RICH,
                "FOLDER", FOLDER, "CITED_CHAT", cited, "CLIPBOARD_TEXT", clipboard, "PROMPT_COMMAND", "explain-ops",
                "FAILING_MESSAGE", "Please fail with " + FakeOpenAi.PROXY_FAILURE)), BROWSER);

        // item 2: the question and the answer rendered as Markdown, code with line numbers; item 3: the pasted image
        JsonNode rich = found.get("rich");
        assertEquals(2, rich.path("userTaskBoxes").asInt(), "the user's task list has its boxes: " + rich);
        assertEquals(1, rich.path("userCodeBlocks").asInt(), rich.toString());
        assertEquals(1, rich.path("userImages").asInt(), "the pasted screenshot is shown in the question: " + rich);
        assertEquals(List.of("true", "false"), Gateway.JSON.convertValue(rich.path("checked"), List.class), rich.toString());
        assertEquals("1\n2\n3", rich.path("lineNumbers").asText(), rich.toString());
        JsonNode asked = streamedSince(before, FakeOpenAi.VERBATIM);
        JsonNode question = asked.path("messages").path(asked.path("messages").size() - 1);
        assertEquals("text", question.path("content").path(0).path("type").asText(), question.toString());
        assertEquals("image_url", question.path("content").path(1).path("type").asText(), "the pasted image went upstream: " + question);
        assertTrue(question.path("content").path(1).path("image_url").path("url").asText().startsWith("data:image/png;base64,"), question.toString());

        // item 10: time and token usage, shown and saved; scroll to bottom
        String chatId = rich.path("chatId").asText();
        awaitTrue(() -> lastMessage(admin, chatId).path("usage").path("total_tokens").asInt() == 19, "the usage is saved with the answer");
        assertEquals("19 tokens", rich.path("usage").asText(), rich.toString());
        assertTrue(Math.abs(Instant.parse(rich.path("answerTime").asText()).getEpochSecond()
                - lastMessage(admin, chatId).path("timestamp").asLong()) <= 2, "the answer's time is the saved one: " + rich);
        JsonNode scrolled = found.get("scrolled");
        assertTrue(scrolled.path("copyInView").asBoolean(), "Scroll to bottom brings the action row back: " + scrolled);
        assertEquals("19 tokens", scrolled.path("usageAfterReload").asText(), scrolled.toString());

        // item 4: downloads, share then revoke, clone, import
        JsonNode menu = found.get("chat-menu");
        JsonNode exported = menu.path("exported");
        assertEquals(1, exported.size(), menu.toString());
        assertEquals(chatId, exported.path(0).path("id").asText(), menu.toString());
        assertTrue(exported.path(0).path("current").path("content").asText().contains("const c = a + b;"), "the JSON has the answer: " + menu);
        String title = menu.path("title").asText();
        assertEquals("chat-" + title + ".txt", menu.path("txtName").asText(), menu.toString());
        assertTrue(menu.path("txt").asText().startsWith("### USER\n"), menu.toString());
        assertTrue(menu.path("txt").asText().contains("const c = a + b;"), menu.toString());
        assertEquals("chat-" + title + ".pdf", menu.path("pdfName").asText(), menu.toString());
        assertEquals("%PDF-", menu.path("pdfHead").asText(), menu.toString());
        assertEquals(200, menu.path("whileShared").asInt(), menu.toString());
        assertEquals(404, menu.path("afterRevoke").asInt(), "the revoked link answers 404: " + menu);
        String shareId = menu.path("shareId").asText();
        assertEquals(404, admin.get("/api/v1/chats/share/" + shareId).status(), "revoked for the API too");
        assertTrue(admin.get("/api/v1/chats/" + chatId).json().path("share_id").isNull(), "the chat has no share id any more");
        String cloneId = menu.path("cloneId").asText();
        assertNotEquals(chatId, cloneId);
        JsonNode clone = admin.get("/api/v1/chats/" + cloneId).json();
        assertEquals("Clone of " + title, clone.path("title").asText(), clone.toString());
        assertTrue(clone.path("chat").path("history").toString().contains("const c = a + b;"), "the clone has the messages: " + clone);
        List<String> sameTitle = new ArrayList<>();
        admin.get("/api/v1/chats/?page=1").json().forEach(c -> {
            if (title.equals(c.path("title").asText()) && !chatId.equals(c.path("id").asText())) {
                sameTitle.add(c.path("id").asText());
            }
        });
        assertFalse(sameTitle.isEmpty(), "the imported chat is a new chat of the same title");
        assertTrue(sameTitle.stream().anyMatch(id -> admin.get("/api/v1/chats/" + id).json().path("chat").path("history").toString()
                .contains("const c = a + b;")), "the imported chat has the messages");

        // item 9: one folder, named as typed
        List<String> folders = new ArrayList<>();
        admin.get("/api/v1/folders/").json().forEach(f -> folders.add(f.path("name").asText()));
        assertEquals(List.of(FOLDER), folders, "Enter saved the folder and made no other");

        // item 10: the citation's passage, the prompt's clipboard, the proxy's page as a sentence
        String document = savedSources(cited).get(0).path("document").path(0).asText();
        assertTrue(found.get("citation").path("text").asText().contains(document.lines().findFirst().orElseThrow()),
                "the chip opened the cited passage: " + found.get("citation"));
        JsonNode filled = found.get("prompt");
        assertEquals("Explain " + clipboard + " to " + SuiteThroughGatewayIT.ADMIN_NAME, filled.path("filled").asText(), filled.toString());
        assertEquals("Explain " + clipboard + " to " + SuiteThroughGatewayIT.ADMIN_NAME,
                FakeOpenAi.lastUserText(streamedSince(before, clipboard)), "the filled prompt went upstream");
        String error = found.get("error").path("text").asText();
        assertTrue(error.startsWith("The model provider failed (HTTP 502)") && error.contains("502 Bad Gateway"), error);
        assertFalse(error.contains("<"), "no markup in the error: " + error);
        assertTrue(found.containsKey("sidebar-toggled") && found.containsKey("keyboard-ready"), found.keySet().toString());
    }

    /** Item 6: language, interface, memory (used in the next completion), profile picture, archive all. */
    void settingsTabs() throws Exception {
        JsonNode previous = admin.get("/api/v1/users/user/settings").json();
        String memory = "I keep the pager on Tuesdays " + UUID.randomUUID().toString().substring(0, 6);
        int before = upstream.completions().size();
        Map<String, JsonNode> found = BrowserSession.run("app-settings", with(Map.of("MODEL", FakeOpenAi.ECHO, "MEMORY", memory,
                "MESSAGE", "When do I keep the pager?")), BROWSER);
        JsonNode language = found.get("language");
        assertEquals("zh-CN", language.path("lang").asText(), language.toString());
        assertTrue(language.path("back").asText().startsWith("en"), "back to English: " + language);

        JsonNode personal = found.get("personal");
        assertEquals(personal.path("wide").asBoolean(), personal.path("wideApplied").asBoolean(), "wide mode applied to the chat: " + personal);
        JsonNode ui = admin.get("/api/v1/users/user/settings").json().path("ui");
        assertEquals(personal.path("wide").asBoolean(), ui.path("widescreenMode").asBoolean(), ui.toString());
        assertTrue(ui.path("memory").asBoolean(false), "memory is on: " + ui);
        assertTrue(admin.get("/api/v1/memories/").body().contains(memory), "the memory is saved");
        JsonNode asked = streamedSince(before, "When do I keep the pager?");
        assertTrue(asked.path("messages").path(0).path("content").asText().contains(memory), "the memory went upstream: " + asked);
        assertTrue(admin.get("/api/v1/auths/").json().path("profile_image_url").asText().startsWith("data:image/png"),
                "the profile picture is saved");

        String remembered = found.get("remembered").path("chatId").asText();
        assertEquals("[]", admin.get("/api/v1/chats/").json().toString(), "every chat is archived");
        assertTrue(admin.get("/api/v1/chats/archived").body().contains(remembered), "the last chat is among the archived");
        Gateway.Response restored = admin.post("/api/v1/users/user/settings/update", previous.isObject() ? previous : Map.of("ui", Map.of()));
        assertEquals(200, restored.status(), restored.toString());
    }

    /** Item 7 at 390 px: a readable model name, the sidebar closed by opening a chat, a chat moved to a folder by menu. */
    void phoneWidth() throws Exception {
        JsonNode phone = BrowserSession.run("app-phone", with(Map.of("MODEL", FakeOpenAi.ECHO, "MESSAGE", "Hello from a phone",
                "FOLDER", FOLDER)), BROWSER).get("phone");
        assertEquals(FakeOpenAi.ECHO, phone.path("modelName").asText(), phone.toString());
        assertTrue(phone.path("fitted").asBoolean() && phone.path("fittedAgain").asBoolean(), "the model name is not cut: " + phone);
        String folderId = null;
        for (JsonNode f : admin.get("/api/v1/folders/").json()) {
            if (FOLDER.equals(f.path("name").asText())) {
                folderId = f.path("id").asText();
            }
        }
        assertEquals(folderId, admin.get("/api/v1/chats/" + phone.path("chatId").asText()).json().path("folder_id").asText(null),
                "the chat moved into the folder");
    }

    /**
     * The note editor's model features on the real suite: Enhance streamed over HTTP (no socket session) with
     * the note in {@code <notes>}, the text before it kept in {@code data.versions} in the stock shape, a title
     * asked without streaming, the chat panel's question with the note in its system message; all saved by
     * api-service and read back through the gateway.
     */
    void noteEditor() throws Exception {
        String text = "Runbook review on Friday";
        String question = "When is the review?";
        int before = upstream.completions().size();
        JsonNode notes = BrowserSession.run("app-notes", with(Map.of("MODEL", FakeOpenAi.ECHO, "NOTE_TEXT", text,
                "TITLE", FakeOpenAi.TITLE, "QUESTION", question)), BROWSER).get("notes");
        String enhanced = notes.path("enhanced").asText();
        // FakeOpenAi's echo of the last user message, which for Enhance is the note
        assertTrue(enhanced.startsWith("You said: ") && enhanced.contains("<notes>\n" + text + "\n</notes>"), notes.toString());
        String path = "/api/v1/notes/" + notes.path("noteId").asText();
        awaitTrue(() -> FakeOpenAi.TITLE.equals(admin.get(path).json().path("title").asText()), "the generated title is saved");
        JsonNode data = admin.get(path).json().path("data");
        assertEquals(enhanced, data.path("content").path("md").asText(), data.toString());
        assertEquals(text, data.path("versions").path(0).path("md").asText(), "the text before Enhance is a version: " + data);
        assertTrue(data.path("versions").path(0).path("html").asText().contains(text), data.toString());

        JsonNode enhance = streamedSince(before, "<notes>\n" + text);
        assertEquals("system", enhance.path("messages").path(0).path("role").asText(), "Enhance's instructions come first: " + enhance);
        JsonNode chat = streamedSince(before, question);
        assertTrue(chat.path("messages").path(0).path("content").asText().contains("<notes>\n" + enhanced + "\n</notes>"),
                "the chat's system message carries the note as it reads: " + chat);
        assertTrue(taskRequestsSince(before).stream().anyMatch(t -> t.contains("{\"title\"") && t.contains(enhanced)),
                "the title was asked without streaming, with the note");
    }

    /** Item 5: a user added and her password reset, a model renamed, parametrised, hidden and moved, titles off, feedback listed. */
    void adminDayTwo() throws Exception {
        String email = "carol@example.com";
        String password = "reset-pass-2";
        String renamed = "Echo Deluxe";
        String system = "Answer in one line.";
        String feedback = "Wrong year " + UUID.randomUUID().toString().substring(0, 6);
        String message = "Nothing to name here";
        int before = upstream.completions().size();
        Map<String, JsonNode> found = BrowserSession.run("app-admin", with(Map.of("NEW_USER_NAME", "Carol Added", "NEW_USER_EMAIL", email,
                "NEW_USER_PASSWORD", password, "MODEL", FakeOpenAi.ECHO, "MODEL_NAME", renamed, "MODEL_SYSTEM", system,
                "HIDDEN_MODEL", FakeOpenAi.SLOW, "MESSAGE", message, "FEEDBACK", feedback)), BROWSER);

        Gateway.Response signin = anonymous.post("/api/v1/auths/signin", Map.of("email", email, "password", password));
        assertEquals(200, signin.status(), "she signs in with the password the admin set: " + signin);
        assertEquals("user", signin.json().path("role").asText());
        assertEquals(400, anonymous.post("/api/v1/auths/signin", Map.of("email", email, "password", "first-pass-1")).status(),
                "the first password no longer works");

        List<String> ids = new ArrayList<>();
        Map<String, JsonNode> models = new HashMap<>();
        admin.get("/api/models").json().path("data").forEach(m -> {
            ids.add(m.path("id").asText());
            models.put(m.path("id").asText(), m);
        });
        assertEquals(renamed, models.get(FakeOpenAi.ECHO).path("name").asText(), models.toString());
        assertTrue(models.get(FakeOpenAi.SLOW).path("info").path("meta").path("hidden").asBoolean(false), "hidden: " + models.get(FakeOpenAi.SLOW));
        assertTrue(ids.indexOf(FakeOpenAi.SLOW) < ids.indexOf(FakeOpenAi.ECHO), "the saved order puts the moved model first: " + ids);
        assertEquals(0, found.get("chatted").path("hiddenOffered").asInt(-1), "the hidden model is not offered");

        JsonNode asked = streamedSince(before, message);
        assertEquals(0.2, asked.path("temperature").asDouble(), "the model's parameters went upstream: " + asked);
        assertTrue(asked.toString().contains(system), "the model's system prompt went upstream: " + asked);
        assertFalse(admin.get("/api/v1/tasks/config").json().path("ENABLE_TITLE_GENERATION").asBoolean(true), "titles are off");
        String chatId = found.get("chatted").path("chatId").asText();
        // api-service asks for follow-ups, the title and the tags one after the other: once the tags request is in,
        // a title request would be too
        awaitTrue(() -> taskRequestsSince(before).stream().anyMatch(t -> t.contains("{\"tags\"") && t.contains(message)),
                "the tags request of the chat reaches the upstream");
        List<String> tasks = taskRequestsSince(before);
        assertFalse(tasks.stream().anyMatch(t -> t.contains("{\"title\"")), "no title request reached the upstream: " + tasks);
        assertNotEquals(FakeOpenAi.TITLE, admin.get("/api/v1/chats/" + chatId).json().path("title").asText(), "no generated title");

        assertTrue(admin.get("/api/v1/evaluations/feedbacks/all").body().contains(feedback), "the feedback is stored");
        String row = found.get("feedback").path("row").asText();
        assertTrue(row.contains("Not factual") && row.contains(feedback), "the admin sees the rating: " + row);
    }

    /**
     * The gateway compresses: the web app's files (stored gzipped beside the originals) and the API's JSON answers
     * come with Content-Encoding gzip to a client that accepts it, and unzip to what an uncompressed request gets.
     */
    void gatewayCompresses() throws Exception {
        String base = env.get("BASE_URL");
        String index = new String(fetch(base + "/", null).body(), StandardCharsets.UTF_8);
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
        assertTrue(script.find(), "the page names its script: " + index);
        for (String path : List.of("/", script.group(1), "/api/models", "/api/v1/chats/all/archived")) {
            HttpResponse<byte[]> plain = fetch(base + path, null);
            HttpResponse<byte[]> zipped = fetch(base + path, "gzip");
            assertEquals(200, zipped.statusCode(), path);
            assertEquals("gzip", zipped.headers().firstValue("content-encoding").orElse(null), path + ": " + zipped.headers().map());
            byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
            assertTrue(zipped.body().length < plain.body().length, path + " is smaller compressed");
            if (!path.startsWith("/api/")) {
                assertArrayEquals(plain.body(), unzipped, path + " unzips to the file");
            } else {
                assertEquals(Gateway.JSON.readTree(plain.body()).size(), Gateway.JSON.readTree(unzipped).size(), path);
            }
        }
    }

    private HttpResponse<byte[]> fetch(String url, String encoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + admin.token());
        if (encoding != null) {
            request.header("Accept-Encoding", encoding);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Map<String, String> with(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(more);
        return all;
    }

    /** The knowledge step's chat: the admin's chat whose answer cites the uploaded runbook. */
    private String citedChat() {
        for (JsonNode c : admin.get("/api/v1/chats/?page=1").json()) {
            List<JsonNode> sources = savedSources(c.path("id").asText());
            if (!sources.isEmpty() && "runbook.txt".equals(sources.get(0).path("metadata").path(0).path("name").asText())) {
                return c.path("id").asText();
            }
        }
        throw new AssertionError("the knowledge step left no chat with citations");
    }

    private List<JsonNode> savedSources(String chat) {
        List<JsonNode> sources = new ArrayList<>();
        admin.get("/api/v1/chats/" + chat).json().path("chat").path("history").path("messages").forEach(m -> m.path("sources").forEach(sources::add));
        return sources;
    }

    /** The prompts of the background task requests (not streamed) since {@code before}. */
    private List<String> taskRequestsSince(int before) {
        List<JsonNode> all = upstream.completions();
        return all.subList(before, all.size()).stream().filter(r -> !r.path("stream").asBoolean(false)).map(FakeOpenAi::lastUserText).toList();
    }

    /** The first streamed completion since {@code before} whose last user message contains {@code text}. */
    private JsonNode streamedSince(int before, String text) {
        List<JsonNode> all = upstream.completions();
        return all.subList(before, all.size()).stream().filter(r -> r.path("stream").asBoolean(false))
                .filter(r -> FakeOpenAi.lastUserText(r).contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no streamed request with '" + text + "'"));
    }
}
