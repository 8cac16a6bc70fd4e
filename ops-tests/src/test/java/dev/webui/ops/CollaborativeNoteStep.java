package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.webui.ops.NoteEditors.STATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A step of {@link SuiteThroughGatewayIT}: a note shared through its access control and edited live with
 * real Yjs editors, as the UI's note editor does, on both bridge replicas and through the gateway. Writers'
 * concurrent edits converge, a late joiner gets the whole document, a reader's change reaches no one and is
 * not saved, and api-service saves the converged text, read back through the gateway.
 */
final class CollaborativeNoteStep {
    private static final String AGENDA = "Agenda\n";
    private static final String GRACE_LINE = "- budget (Grace)\n";
    private static final String BOB_LINE = "- hiring (Bob)\n";
    private static final String DECISIONS = "Decisions:\n";
    private static final String LATE_LINE = "- retro (Bob, second tab)\n";
    private static final String REFUSED = "Rita was here. ";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Six times api-service's save debounce (NoteContentSaver, 0.5 s): long enough for a save that should not happen. */
    private static final Duration NO_SAVE = Duration.ofSeconds(3);

    private final LocalSuite suite;
    private final SocketClients sockets;
    private final Gateway admin;
    private final Gateway bob;
    private String noteId;

    CollaborativeNoteStep(LocalSuite suite, SocketClients sockets, Gateway admin, Gateway bob) {
        this.suite = suite;
        this.sockets = sockets;
        this.admin = admin;
        this.bob = bob;
    }

    void run() throws Exception {
        String adminId = admin.get("/api/v1/auths/").json().path("id").asText();
        String bobId = bob.get("/api/v1/auths/").json().path("id").asText();
        Gateway.Response rita = admin.post("/api/v1/auths/add",
                Map.of("name", "Rita Reader", "email", "rita@example.com", "password", "r3ads-only", "role", "user"));
        assertEquals(200, rita.status(), rita.toString());
        String ritaId = rita.json().path("id").asText();

        Map<String, Object> note = new HashMap<>(Map.of("title", "Gateway minutes", "access_control", Map.of(),
                "data", Map.of("content", Map.of("md", AGENDA, "html", "<p>Agenda</p>"))));
        Gateway.Response created = admin.post("/api/v1/notes/create", note);
        assertEquals(200, created.status(), created.toString());
        noteId = created.json().path("id").asText();
        NoteEditors editors = new NoteEditors(sockets, noteId);

        sockets.connect("bob-unshared", suite.gatewayUrl(), bob.token());
        assertEquals("error", editors.open("bob-unshared", bobId, "Bob Builder", AGENDA), "a private note is not Bob's to open");
        note.put("access_control", Map.of("read", Map.of("group_ids", List.of(), "user_ids", List.of(ritaId)),
                "write", Map.of("group_ids", List.of(), "user_ids", List.of(bobId))));
        Gateway.Response shared = admin.post("/api/v1/notes/" + noteId + "/update", note);
        assertEquals(200, shared.status(), shared.toString());

        // two writers straight on different bridge replicas; the first seeds the document with the stored text
        String graceSid = sockets.connect("grace-note", suite.bridgeInstanceUrl(1), admin.token());
        assertEquals(STATE, editors.open("grace-note", adminId, SuiteThroughGatewayIT.ADMIN_NAME, AGENDA));
        editors.awaitText("grace-note", AGENDA::equals, "the only editor seeds the document");
        editors.roundTrip("grace-note");
        String bobSid = sockets.connect("bob-note", suite.bridgeInstanceUrl(2), bob.token());
        assertEquals(STATE, editors.open("bob-note", bobId, "Bob Builder", AGENDA));
        editors.awaitText("bob-note", AGENDA::equals, "the seeded document reaches the other bridge");
        JsonNode joined = sockets.awaitEvent("grace-note", "ydoc:user:joined", d -> bobId.equals(d.path("user_id").asText()), WAIT);
        assertEquals("Bob Builder", joined.path("user_name").asText(), joined.toString());

        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("grace-note", GRACE_LINE);
        lines.put("bob-note", BOB_LINE);
        editors.appendTogether(lines);
        editors.awaitText("bob-note", (AGENDA + BOB_LINE)::equals, "Bob typed before he saw Grace's line");
        String converged = editors.awaitText("grace-note", t -> t.contains(BOB_LINE), "Bob's line reaches Grace");
        assertTrue(List.of(AGENDA + GRACE_LINE + BOB_LINE, AGENDA + BOB_LINE + GRACE_LINE).contains(converged),
                "both lines once, after the agenda: " + converged);
        editors.awaitText("bob-note", converged::equals, "Bob's copy converges to Grace's");
        // each of those edits carried its editor's own text; the next one carries the merged text, and that is saved
        editors.appendTogether(Map.of("grace-note", DECISIONS));
        String agreed = converged + DECISIONS;
        editors.awaitText("bob-note", agreed::equals, "Grace's next line reaches Bob");
        awaitSaved(agreed, "the converged text is saved");

        // a reader through the gateway follows the document, and her change goes nowhere
        String ritaSid = sockets.connect("rita-note", suite.gatewayUrl(), rita.json().path("token").asText());
        assertEquals(STATE, editors.open("rita-note", ritaId, "Rita Reader", AGENDA));
        editors.awaitText("rita-note", agreed::equals, "a reader gets the document");
        editors.insert("rita-note", 0, REFUSED);
        editors.awaitText("rita-note", (REFUSED + agreed)::equals, "Rita typed in her own copy");
        editors.roundTrip("rita-note");

        // a late joiner through the gateway (Bob's second tab) gets the whole document, without Rita's change
        sockets.connect("bob-late", suite.gatewayUrl(), bob.token());
        assertEquals(STATE, editors.open("bob-late", bobId, "Bob Builder", AGENDA));
        editors.awaitText("bob-late", agreed::equals, "the late joiner gets the merged text");
        editors.roundTrip("bob-late");
        assertEquals(agreed, editors.text("bob-late"), "the late joiner's document is the writers' one, no more");
        Set<String> sessions = new HashSet<>();
        sockets.events("bob-late", STATE).get(0).path("sessions").forEach(sid -> sessions.add(sid.asText()));
        assertTrue(sessions.containsAll(List.of(graceSid, bobSid, ritaSid)), "the sessions on both bridges are listed: " + sessions);
        assertStaysSaved(agreed);

        editors.appendTogether(Map.of("bob-late", LATE_LINE));
        String last = agreed + LATE_LINE;
        for (String writer : List.of("grace-note", "bob-note", "bob-late")) {
            assertEquals(last, editors.awaitText(writer, t -> t.endsWith(LATE_LINE), "the late joiner's line reaches " + writer));
        }
        editors.awaitText("rita-note", (REFUSED + last)::equals, "the reader still follows the writers");
        awaitSaved(last, "the last edit, made through the gateway, is saved");
        for (String client : List.of("grace-note", "bob-note", "bob-late")) {
            assertTrue(sockets.events(client, "ydoc:document:update").stream().noneMatch(u -> ritaSid.equals(u.path("socket_id").asText())
                    || ritaId.equals(u.path("user_id").asText())), client + " received an update of the reader");
        }
    }

    private String savedText() {
        Gateway.Response read = admin.get("/api/v1/notes/" + noteId);
        assertEquals(200, read.status(), read.toString());
        return read.json().path("data").path("content").path("md").asText();
    }

    private void awaitSaved(String expected, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        String saved;
        while (!(saved = savedText()).equals(expected)) {
            assertTrue(Instant.now().isBefore(deadline), what + "; saved: '" + saved + "'");
            Thread.sleep(200);
        }
    }

    private void assertStaysSaved(String expected) throws InterruptedException {
        Instant end = Instant.now().plus(NO_SAVE);
        while (Instant.now().isBefore(end)) {
            assertEquals(expected, savedText(), "the reader's change was saved");
            Thread.sleep(200);
        }
    }
}
