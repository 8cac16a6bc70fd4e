package dev.webui.api.completion.tools;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** Environment-only settings of the tools in chat. */
@ConfigMapping(prefix = "")
public interface ToolLoopConfig {
    /**
     * TOOL_CALL_TIMEOUT_SECONDS (ours): how long one tool call may take (a tool server's answer, or the
     * browser running a user's tool server); past it the model reads that the tool did not answer.
     * Open WebUI's own bound is its HTTP client timeout, AIOHTTP_CLIENT_TIMEOUT, whose default this mirrors.
     */
    @WithName("TOOL_CALL_TIMEOUT_SECONDS")
    @WithDefault("300")
    int callTimeoutSeconds();

    default Duration callTimeout() {
        return Duration.ofSeconds(Math.max(1, callTimeoutSeconds()));
    }
}
