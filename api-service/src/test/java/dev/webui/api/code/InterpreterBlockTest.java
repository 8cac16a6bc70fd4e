package dev.webui.api.code;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding the model's block and writing the output attribute exactly as Open WebUI does. */
class InterpreterBlockTest {
    @Test
    void theOutputAttributeIsPythonsJsonDumpsHtmlEscaped() {
        // expected text printed by: html.escape(json.dumps({"stdout": ..., "stderr": ..., "result": ...}))
        CodeOutput output = new CodeOutput("héllo ✓ 😀", "tab\there \u0001 it's", "a\\b", false);
        assertEquals("{&quot;stdout&quot;: &quot;h\\u00e9llo \\u2713 \\ud83d\\ude00&quot;, &quot;stderr&quot;: "
                + "&quot;tab\\there \\u0001 it&#x27;s&quot;, &quot;result&quot;: &quot;a\\\\b&quot;}", OutputAttribute.of(output));
    }

    @Test
    void inlineImagesBecomeANote() {
        CodeOutput output = new CodeOutput("", "", "data:image/png;base64,iVBORw0KGgo=\n42", false);
        String attribute = OutputAttribute.of(output);
        assertFalse(attribute.contains("iVBOR"), attribute);
        assertTrue(attribute.contains("[image output of 34 characters, not stored]\\n42"), attribute);
    }

    @Test
    void findsTheBlockItsAttributesAndTheTextBefore() {
        InterpreterBlock block = InterpreterBlock.find("Sure.\n```py\n<code_interpreter type=\"code\" lang=\"python\">\n  x = 1\n  print(x)\n</code_interpreter>\nignored");
        assertEquals("Sure.\n", block.before());
        assertEquals(Map.of("type", "code", "lang", "python"), block.attributes());
        assertEquals("x = 1\n  print(x)", block.code());
        assertTrue(block.runnable());
        assertEquals("python", block.lang());
    }

    @Test
    void aClosedFenceBeforeTheBlockStays() {
        String before = "Look:\n```\nls\n```\n";
        assertEquals(before, InterpreterBlock.find(before + "<code_interpreter type=\"code\">print(1)</code_interpreter>").before());
    }

    @Test
    void aBlockLeftOpenRunsWithWhatCame() {
        InterpreterBlock block = InterpreterBlock.find("<code_interpreter type=\"code\" lang=\"python\">print('cut off')\n");
        assertEquals("print('cut off')", block.code());
        assertEquals("", block.before());
    }

    @Test
    void noBlockAnEmptyOneOrAnotherTypeRunsNothing() {
        assertNull(InterpreterBlock.find("plain text with <code> in it"));
        assertNull(InterpreterBlock.find("<code_interpreter type=\"code\">\n  \n</code_interpreter>"));
        assertFalse(InterpreterBlock.find("<code_interpreter type=\"text\">hi</code_interpreter>").runnable());
        assertFalse(InterpreterBlock.find("<code_interpreter>print(1)</code_interpreter>").runnable());
    }

    @Test
    void theModelsNextTurnHoldsTheTextTheBlockAndTheOutput() {
        InterpreterBlock block = InterpreterBlock.find("Computing<code_interpreter type=\"code\" lang=\"python\">print(1)</code_interpreter>");
        assertEquals("Computing\n<code_interpreter type=\"code\" lang=\"python\">\nprint(1)\n</code_interpreter>\n```output\n"
                + "{&quot;stdout&quot;: &quot;1&quot;, &quot;stderr&quot;: &quot;&quot;, &quot;result&quot;: &quot;&quot;}\n```\n",
                block.raw(new CodeOutput("1", "", "", false)));
    }
}
