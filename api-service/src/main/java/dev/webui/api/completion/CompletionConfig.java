package dev.webui.api.completion;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Environment-only settings of the completion pipeline, under Open WebUI's names where it has one. */
@ConfigMapping(prefix = "")
public interface CompletionConfig {
    /** AIOHTTP_CLIENT_TIMEOUT: seconds an upstream may stay silent (before its answer or between chunks). */
    @WithName("AIOHTTP_CLIENT_TIMEOUT")
    @WithDefault("300")
    int upstreamTimeout();

    /** CHAT_RESPONSE_STREAM_DELTA_CHUNK_SIZE: emit chat:completion every N deltas (params.stream_delta_chunk_size may raise it). */
    @WithName("CHAT_RESPONSE_STREAM_DELTA_CHUNK_SIZE")
    @WithDefault("1")
    int deltaChunkSize();

    /** CHAT_STREAM_SAVE_INTERVAL_MS (ours): at most one database write per task per interval while streaming. */
    @WithName("CHAT_STREAM_SAVE_INTERVAL_MS")
    @WithDefault("1000")
    long saveIntervalMs();

    /** COMPLETION_UPSTREAM_POOL_SIZE (ours): open connections kept per upstream host. */
    @WithName("COMPLETION_UPSTREAM_POOL_SIZE")
    @WithDefault("512")
    int upstreamPoolSize();

    /**
     * CHAT_RESPONSE_MAX_TOOL_CALL_RETRIES: how many times one answer may run something (tool calls,
     * code) and ask the model again; the round after the last one is the answer.
     */
    @WithName("CHAT_RESPONSE_MAX_TOOL_CALL_RETRIES")
    @WithDefault("30")
    int maxRounds();
}
