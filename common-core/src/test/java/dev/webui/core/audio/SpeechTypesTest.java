package dev.webui.core.audio;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeechTypesTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void anEmptyListTakesWhatBrowsersRecord() throws Exception {
        for (String list : new String[]{"[]", "[\"\", \" \"]", "null"}) {
            var configured = mapper.readTree(list);
            assertEquals(SpeechTypes.DEFAULT, SpeechTypes.accepted(configured));
            assertTrue(SpeechTypes.accepts(configured, "audio/webm;codecs=opus"));
            assertTrue(SpeechTypes.accepts(configured, "audio/mp4"));
            assertTrue(SpeechTypes.accepts(configured, "video/webm"));
            assertFalse(SpeechTypes.accepts(configured, "video/mp4"));
            assertFalse(SpeechTypes.accepts(configured, "application/pdf"));
            assertFalse(SpeechTypes.accepts(configured, null));
        }
    }

    @Test
    void patternsMatchAsFnmatchDoes() throws Exception {
        var configured = mapper.readTree("[\"audio/x-?av\", \"video/*\"]");
        assertTrue(SpeechTypes.accepts(configured, "audio/x-wav"));
        assertTrue(SpeechTypes.accepts(configured, "VIDEO/MP4"));
        assertFalse(SpeechTypes.accepts(configured, "audio/mpeg"));
        assertFalse(SpeechTypes.matches("audio.webm", "audio/webm"), "a dot is literal");
    }
}
