package dev.webui.api.tool.server;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Environment-only limits of the tool-server clients (docs/tools.md). */
@ConfigMapping(prefix = "")
public interface ToolServerConfig {
    /** AIOHTTP_CLIENT_TIMEOUT_TOOL_SERVER_DATA: seconds to fetch an OpenAPI document or to open and list an MCP server. */
    @WithName("AIOHTTP_CLIENT_TIMEOUT_TOOL_SERVER_DATA")
    @WithDefault("10")
    int specTimeoutSeconds();

    /** TOOL_SERVER_SPEC_CACHE_SECONDS: how long an OpenAPI document is used before it is fetched again. */
    @WithName("TOOL_SERVER_SPEC_CACHE_SECONDS")
    @WithDefault("300")
    int specCacheSeconds();

    /** TOOL_SERVER_MAX_RESPONSE_BYTES: the most of a tool's answer kept for the model; the rest is cut off. */
    @WithName("TOOL_SERVER_MAX_RESPONSE_BYTES")
    @WithDefault("1000000")
    int maxResponseBytes();
}
