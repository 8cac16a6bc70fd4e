package dev.webui.api.audio;

/** Azure Speech's endpoints: the configured base URL, else the region's host (eastus when none is set, as Open WebUI). */
final class AzureUrls {
    private AzureUrls() {
    }

    /** Text to speech and its voice list: {@code https://{region}.tts.speech.microsoft.com}. */
    static String speech(String region, String base) {
        return root(region, base, ".tts.speech.microsoft.com");
    }

    /** Fast transcription: {@code https://{region}.api.cognitive.microsoft.com}. */
    static String transcription(String region, String base) {
        return root(region, base, ".api.cognitive.microsoft.com");
    }

    private static String root(String region, String base, String domain) {
        if (base != null && !base.isBlank()) {
            return EngineRequest.stripSlash(base);
        }
        return "https://" + (region == null || region.isBlank() ? "eastus" : region.strip()) + domain;
    }
}
