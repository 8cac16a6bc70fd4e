package dev.webui.api.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TaskPromptsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void templatesTakeTheRequestedPartOfTheConversation() throws Exception {
        JsonNode messages = JSON.readTree("""
                [{"role":"system","content":"hidden"},{"role":"user","content":"one"},{"role":"assistant","content":"two"},
                 {"role":"user","content":[{"type":"text","text":"three"},{"type":"image_url","image_url":{"url":"x"}}]}]""");
        assertEquals("USER: one\nASSISTANT: two\nUSER: three", TaskPrompts.render("{{MESSAGES}}", messages, null));
        assertEquals("[ASSISTANT: two\nUSER: three]", TaskPrompts.render("[{{MESSAGES:END:2}}]", messages, null));
        assertEquals("USER: one", TaskPrompts.render("{{MESSAGES:START:1}}", messages, null));
        assertEquals("USER: one\nUSER: three", TaskPrompts.render("{{MESSAGES:MIDDLETRUNCATE:2}}", messages, null));
        assertEquals("p=$1 hi", TaskPrompts.render("p=$1 {{prompt}}", messages, "hi"));
    }

    @Test
    void theFirstJsonBlockOfAnAnswerIsRead() {
        assertEquals("T", TaskPrompts.object(JSON, "Sure!\n```json\n{\"title\": \"T\"}\n```").path("title").asText());
        assertEquals("a", TaskPrompts.object(JSON, "{'tags': ['a']}").path("tags").path(0).asText());
        assertNull(TaskPrompts.object(JSON, "no json here"));
        assertNull(TaskPrompts.object(JSON, "{broken"));
    }
}
