package dev.webui.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonColumnsTest {

    @Test
    void sqlNullAndJsonNullReadAsNull() {
        assertNull(JsonColumns.read(null));
        assertNull(JsonColumns.read("null"));
        assertEquals(2, JsonColumns.read("{\"a\":[1,2]}").get("a").size());
    }

    @Test
    void unreadableStoredTextIsAnError() {
        assertThrows(IllegalStateException.class, () -> JsonColumns.read("{oops"));
    }

    @Test
    void nothingToStoreIsSqlNull() {
        assertNull(JsonColumns.write(null));
        assertNull(JsonColumns.write(NullNode.getInstance()));
        assertNull(JsonColumns.write(MissingNode.getInstance()));
    }

    @Test
    void writtenTextHasNoNulInValuesOrKeys() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("k\u0000ey", "va\u0000lue");
        node.putArray("list").add("x\u0000");
        assertEquals("{\"key\":\"value\",\"list\":[\"x\"]}", JsonColumns.write(node));
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb", JsonSanitizer.clean("a\uD800b"));
        assertEquals("\uFFFD", JsonSanitizer.clean("\uDC00"));
        String pair = "\uD83D\uDE00";
        assertSame(pair, JsonSanitizer.clean(pair), "a valid pair is kept as is");
    }

    @Test
    void aGivenMapperIsUsed() {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode read = JsonColumns.read(mapper, "[1]");
        assertTrue(read.isArray());
        assertEquals("[1]", JsonColumns.write(mapper, read));
    }

    @Test
    void stripNulLeavesCleanTextAlone() {
        String clean = "plain";
        assertSame(clean, JsonColumns.stripNul(clean));
        assertEquals("ab", JsonColumns.stripNul("a\u0000b"));
        assertNull(JsonColumns.stripNul(null));
    }

    @Test
    void theDefaultLimitsRefuseDeepNesting() {
        String deep = "[".repeat(300) + "]".repeat(300);
        assertThrows(IllegalStateException.class, () -> JsonColumns.read(deep));
        ObjectMapper unlimited = new ObjectMapper();
        assertTrue(JsonColumns.read(unlimited, deep).isArray(), "a mapper of its own keeps its own limits");
    }
}
