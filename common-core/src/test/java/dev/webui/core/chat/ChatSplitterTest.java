package dev.webui.core.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The split used by the chat endpoints (with and without a stored tree) and by the importer (with its repairs). */
class ChatSplitterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode parse(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void typedFieldsGoToColumnsAndTheRestStaysInData() throws Exception {
        ObjectNode chat = parse("""
                {"title":"T","models":["m"],"history":{"currentId":"b","messages":{
                  "a":{"id":"a","parentId":null,"childrenIds":["b"],"role":"user","content":"hi","timestamp":1700000000,"models":["m"]},
                  "b":{"id":"b","parentId":"a","childrenIds":[],"role":"assistant","content":"yo","model":"m","done":true,
                       "timestamp":"oops","usage":{"total_tokens":3}}}},
                 "messages":[{"id":"stale"}]}""");
        ObjectNode original = chat.deepCopy();
        SplitChat split = ChatSplitter.split("c1", chat);
        assertFalse(split.blob().has("messages"));
        assertFalse(split.blob().get("history").has("messages"));
        assertEquals("b", split.blob().get("history").get("currentId").asText());
        assertEquals(List.of(), split.repairs());
        MessageRow a = split.rows().get(0);
        MessageRow b = split.rows().get(1);
        assertEquals(0, a.position());
        assertNull(a.parentId());
        assertTrue(a.data().has("parentId"), "a null parentId stays in data");
        assertEquals(1700000000L, a.timestamp());
        assertFalse(a.data().has("id"));
        assertEquals("a", b.parentId());
        assertEquals(Boolean.TRUE, b.done());
        assertNull(b.timestamp());
        assertEquals("oops", b.data().get("timestamp").asText(), "a value of the wrong type stays in data");

        ObjectNode back = ChatAssembler.assemble(split.blob(), split.rows());
        assertEquals(original.get("history"), back.get("history"), "every node comes back exactly");
        assertEquals(List.of("a", "b"), back.get("messages").findValuesAsText("id").subList(0, 2));
        assertEquals(2, back.get("messages").size());
    }

    @Test
    void aLinearMessagesListBecomesATreeWithTheSameIdsEveryTime() throws Exception {
        String text = "{\"title\":\"old\",\"messages\":[{\"id\":\"x\",\"role\":\"user\",\"content\":\"1\"},"
                + "{\"id\":\"x\",\"role\":\"assistant\",\"content\":\"2\"},{\"id\":\"\",\"content\":\"3\"},7]}";
        SplitChat split = ChatSplitter.split("c2", parse(text));
        assertEquals(3, split.rows().size());
        String second = split.rows().get(1).id();
        assertNotEquals("x", second, "a repeated id gets a fresh one");
        assertNotEquals("", split.rows().get(2).id(), "an empty id gets a fresh one");
        assertEquals("x", split.rows().get(1).parentId());
        assertEquals(split.rows().get(2).id(), split.blob().get("history").get("currentId").asText());
        assertEquals(List.of("legacy message that is not an object dropped", "legacy chat without history converted from its messages list"),
                split.repairs());
        ObjectNode back = ChatAssembler.assemble(split.blob(), split.rows());
        assertEquals("2", back.get("messages").get(1).get("content").asText());

        SplitChat again = ChatSplitter.split("c2", parse(text));
        assertEquals(split.rows().stream().map(MessageRow::id).toList(), again.rows().stream().map(MessageRow::id).toList(),
                "a re-run import writes the same rows");
    }

    @Test
    void messagesAreIgnoredWhenTheChatAlreadyHasATree() throws Exception {
        SplitChat split = ChatSplitter.split("c3", parse("{\"messages\":[{\"id\":\"x\"}]}"), true);
        assertNull(split.rows(), "no tree in the update: the stored rows stay");
        assertTrue(split.rowsOrNone().isEmpty());
        assertFalse(split.blob().has("history"));
        assertFalse(split.blob().has("messages"));
    }

    @Test
    void anObjectWithoutAnyTreeLeavesTheRowsAlone() throws Exception {
        SplitChat split = ChatSplitter.split("c5", parse("{\"title\":\"t\"}"));
        assertNull(split.rows());
        assertEquals(List.of(), split.repairs());
    }

    @Test
    void malformedPartsAreDroppedAndReported() throws Exception {
        assertEquals(List.of("chat.messages was not an array, dropped"),
                ChatSplitter.split("c6", parse("{\"messages\":\"nope\"}")).repairs());
        SplitChat split = ChatSplitter.split("c7", parse("{\"history\":{\"messages\":{\"a\":{\"content\":\"k\"},\"b\":3}}}"));
        assertEquals(1, split.rows().size());
        assertEquals(List.of("message node that is not an object dropped"), split.repairs());
        SplitChat flat = ChatSplitter.split("c8", parse("{\"history\":{\"messages\":[1]}}"));
        assertEquals(List.of(), flat.rows(), "a tree that is not an object empties the stored rows");
        assertEquals(List.of("history.messages was not an object, dropped"), flat.repairs());
    }

    @Test
    void thePathStopsAtUnknownIdsAndCycles() throws Exception {
        String text = """
                {"history":{"currentId":"a","messages":{"a":{"parentId":"b"},"b":{"parentId":"a"}}}}""";
        SplitChat split = ChatSplitter.split("c4", parse(text));
        JsonNode back = ChatAssembler.assemble(split.blob(), split.rows());
        assertEquals(2, back.get("messages").size());
        ObjectNode unknown = parse(text);
        unknown.with("history").put("currentId", "zzz");
        split = ChatSplitter.split("c4", unknown);
        assertEquals(0, ChatAssembler.assemble(split.blob(), split.rows()).get("messages").size());
    }
}
