package dev.webui.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatSplitTest {
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
        ChatSplitter.Split split = ChatSplitter.split("c1", chat, false);
        assertFalse(split.blob().has("messages"));
        assertFalse(split.blob().get("history").has("messages"));
        assertEquals("b", split.blob().get("history").get("currentId").asText());
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
        assertEquals(chat.get("history"), back.get("history"), "every node comes back exactly");
        assertEquals(List.of("a", "b"), back.get("messages").findValuesAsText("id").subList(0, 2));
        assertEquals(2, back.get("messages").size());
    }

    @Test
    void aLinearMessagesListBecomesATree() throws Exception {
        ObjectNode chat = parse("{\"title\":\"old\",\"messages\":[{\"id\":\"x\",\"role\":\"user\",\"content\":\"1\"},"
                + "{\"id\":\"x\",\"role\":\"assistant\",\"content\":\"2\"}]}");
        ChatSplitter.Split split = ChatSplitter.split("c2", chat, false);
        assertEquals(2, split.rows().size());
        String second = split.rows().get(1).id();
        assertFalse(second.equals("x"), "a repeated id gets a fresh one");
        assertEquals("x", split.rows().get(1).parentId());
        assertEquals(second, split.blob().get("history").get("currentId").asText());
        ObjectNode back = ChatAssembler.assemble(split.blob(), split.rows());
        assertEquals("2", back.get("messages").get(1).get("content").asText());
    }

    @Test
    void messagesAreIgnoredWhenTheChatAlreadyHasATree() throws Exception {
        ChatSplitter.Split split = ChatSplitter.split("c3", parse("{\"messages\":[{\"id\":\"x\"}]}"), true);
        assertNull(split.rows());
        assertFalse(split.blob().has("history"));
    }

    @Test
    void thePathStopsAtUnknownIdsAndCycles() throws Exception {
        ObjectNode chat = parse("""
                {"history":{"currentId":"a","messages":{"a":{"parentId":"b"},"b":{"parentId":"a"}}}}""");
        ChatSplitter.Split split = ChatSplitter.split("c4", chat, false);
        JsonNode back = ChatAssembler.assemble(split.blob(), split.rows());
        assertEquals(2, back.get("messages").size());
        chat.with("history").put("currentId", "zzz");
        split = ChatSplitter.split("c4", chat, false);
        assertEquals(0, ChatAssembler.assemble(split.blob(), split.rows()).get("messages").size());
    }
}
