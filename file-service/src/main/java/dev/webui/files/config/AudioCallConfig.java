package dev.webui.files.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Where file-service sends uploaded audio to be transcribed: api-service, which owns the speech engines. */
@ConfigMapping(prefix = "")
public interface AudioCallConfig {
    /** API_SERVICE_URL (ours): base URL of api-service, without a trailing path. */
    @WithName("API_SERVICE_URL")
    @WithDefault("http://localhost:8080")
    String apiServiceUrl();

    /** AUDIO_TRANSCRIPTION_TIMEOUT_SECONDS (ours): how long one uploaded file's transcription may take. */
    @WithName("AUDIO_TRANSCRIPTION_TIMEOUT_SECONDS")
    @WithDefault("600")
    int timeoutSeconds();
}
