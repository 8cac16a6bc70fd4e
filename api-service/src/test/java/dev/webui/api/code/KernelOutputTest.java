package dev.webui.api.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel's messages for one request, in Jupyter's wire shape, and the bound on what is kept. */
class KernelOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode message(String parent, String type, String content) throws Exception {
        return JSON.readTree("{\"parent_header\": {\"msg_id\": \"" + parent + "\"}, \"msg_type\": \"" + type
                + "\", \"content\": " + content + "}");
    }

    @Test
    void collectsOnlyItsOwnRequestsMessagesUntilIdle() throws Exception {
        KernelOutput output = new KernelOutput("r1");
        assertFalse(output.accept(message("other", "stream", "{\"name\": \"stdout\", \"text\": \"not mine\"}")));
        assertFalse(output.accept(message("other", "status", "{\"execution_state\": \"idle\"}")));
        assertFalse(output.accept(message("r1", "status", "{\"execution_state\": \"busy\"}")));
        output.accept(message("r1", "stream", "{\"name\": \"stdout\", \"text\": \"a\\n\"}"));
        output.accept(message("r1", "stream", "{\"name\": \"stderr\", \"text\": \"warn\\n\"}"));
        output.accept(message("r1", "display_data", "{\"data\": {\"image/png\": \"iVBOR\\n\", \"text/plain\": \"<Figure>\"}}"));
        output.accept(message("r1", "execute_result", "{\"data\": {\"text/plain\": \"42\"}}"));
        output.accept(message("r1", "error", "{\"traceback\": [\"Traceback\", \"ValueError: x\"]}"));
        assertTrue(output.accept(message("r1", "status", "{\"execution_state\": \"idle\"}")));
        CodeOutput done = output.finish(false);
        assertEquals("a", done.stdout());
        assertEquals("warn\nTraceback\nValueError: x", done.stderr());
        assertEquals("data:image/png;base64,iVBOR\n42", done.result());
    }

    @Test
    void keepsAtMostTheLimitAndSaysSo() throws Exception {
        KernelOutput output = new KernelOutput("r1");
        String chunk = "x".repeat(64 * 1024);
        for (int i = 0; i < 40; i++) {
            output.accept(message("r1", "stream", "{\"name\": \"stdout\", \"text\": \"" + chunk + "\"}"));
        }
        CodeOutput done = output.finish(true);
        assertEquals(KernelOutput.LIMIT, done.stdout().length());
        assertTrue(done.stderr().startsWith(KernelOutput.TRUNCATED), done.stderr());
        assertTrue(done.stderr().endsWith("Execution timed out."), done.stderr());
        assertTrue(done.timedOut());
    }
}
