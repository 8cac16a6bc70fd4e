package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Real Yjs editors of one note (src/test/node/ydoc-editors.js) on sockets of {@link SocketClients}.
 * Each editor reports its whole text after every change, local or remote.
 */
final class NoteEditors {
    static final String STATE = "ydoc:document:state";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final SocketClients sockets;
    private final String documentId;

    NoteEditors(SocketClients sockets, String noteId) {
        this.sockets = sockets;
        this.documentId = "note:" + noteId;
    }

    /**
     * Opens the note in the editor of a connected client (seeding an empty document with {@code initial}) and
     * returns the server's first answer: {@value STATE}, or {@code error} when the join is refused.
     */
    String open(String client, String userId, String userName, String initial) throws IOException {
        sockets.send(Gateway.JSON.createObjectNode().put("op", "ydoc-open").put("client", client).put("document_id", documentId)
                .put("user_id", userId).put("user_name", userName).put("initial", initial));
        return sockets.await(r -> "event".equals(r.path("type").asText()) && client.equals(r.path("client").asText())
                && (STATE.equals(r.path("event").asText()) && documentId.equals(r.path("data").path("document_id").asText())
                    || "error".equals(r.path("event").asText())), WAIT).path("event").asText();
    }

    /** Appends each text in its editor within one tick of the Node process: no editor has seen another's edit. */
    void appendTogether(Map<String, String> textByClient) throws IOException {
        ObjectNode command = Gateway.JSON.createObjectNode().put("op", "ydoc-edit");
        ArrayNode edits = command.putArray("edits");
        textByClient.forEach((client, text) -> edits.addObject().put("client", client).put("text", text));
        sockets.send(command);
    }

    void insert(String client, int index, String text) throws IOException {
        ObjectNode command = Gateway.JSON.createObjectNode().put("op", "ydoc-edit");
        command.putArray("edits").addObject().put("client", client).put("index", index).put("text", text);
        sockets.send(command);
    }

    /** Waits until the editor's text, after some change, is a wanted one, and returns it. */
    String awaitText(String client, Predicate<String> wanted, String what) {
        try {
            return sockets.await(r -> "ydoc-text".equals(r.path("type").asText()) && client.equals(r.path("client").asText())
                    && wanted.test(r.path("text").asText()), WAIT).path("text").asText();
        } catch (AssertionError e) {
            throw new AssertionError(what + "; the editor's last text: '" + text(client) + "'", e);
        }
    }

    /** The editor's text after its latest change ("" before any). */
    String text(String client) {
        List<JsonNode> changes = sockets.reports(r -> "ydoc-text".equals(r.path("type").asText()) && client.equals(r.path("client").asText()));
        return changes.isEmpty() ? "" : changes.get(changes.size() - 1).path("text").asText();
    }

    /**
     * Asks the server for the document's state again and waits for the answer. The bridge takes a socket's
     * events in order, so when it answers it has taken up the updates this editor sent before; and every
     * state event it sent earlier has been applied.
     */
    void roundTrip(String client) throws IOException, InterruptedException {
        int before = sockets.events(client, STATE).size();
        ObjectNode ask = Gateway.JSON.createObjectNode().put("op", "emit").put("client", client).put("event", STATE);
        ask.putObject("data").put("document_id", documentId);
        sockets.send(ask);
        Instant deadline = Instant.now().plus(WAIT);
        while (sockets.events(client, STATE).size() == before) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(client + " got no answer to " + STATE);
            }
            Thread.sleep(50);
        }
    }
}
