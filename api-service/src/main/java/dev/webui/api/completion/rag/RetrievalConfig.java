package dev.webui.api.completion.rag;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Where file-service answers retrieval queries, and how its chunks are put in front of the model. */
@ConfigMapping(prefix = "")
public interface RetrievalConfig {
    /** FILE_SERVICE_URL (ours): base URL of file-service, without a trailing path. */
    @WithName("FILE_SERVICE_URL")
    @WithDefault("http://localhost:8083")
    String fileServiceUrl();

    /** FILE_SERVICE_TIMEOUT_SECONDS (ours): how long one retrieval query may take. */
    @WithName("FILE_SERVICE_TIMEOUT_SECONDS")
    @WithDefault("10")
    int timeoutSeconds();
}
