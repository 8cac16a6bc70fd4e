package dev.webui.api.fileservice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How long api-service waits for file-service's web search (engine, page fetches and embedding together). */
@ConfigMapping(prefix = "")
public interface WebSearchConfig {
    /** WEB_SEARCH_STEP_TIMEOUT_SECONDS (ours). */
    @WithName("WEB_SEARCH_STEP_TIMEOUT_SECONDS")
    @WithDefault("60")
    int timeoutSeconds();
}
