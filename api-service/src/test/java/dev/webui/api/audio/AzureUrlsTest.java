package dev.webui.api.audio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AzureUrlsTest {
    @Test
    void theRegionNamesTheHostUnlessABaseUrlIsSet() {
        assertEquals("https://westeurope.tts.speech.microsoft.com", AzureUrls.speech(" westeurope ", ""));
        assertEquals("https://westeurope.api.cognitive.microsoft.com", AzureUrls.transcription("westeurope", ""));
        assertEquals("https://eastus.tts.speech.microsoft.com", AzureUrls.speech("", null));
        assertEquals("https://eastus.api.cognitive.microsoft.com", AzureUrls.transcription("", ""));
        assertEquals("https://speech.internal.example", AzureUrls.speech("westeurope", "https://speech.internal.example/"));
    }
}
