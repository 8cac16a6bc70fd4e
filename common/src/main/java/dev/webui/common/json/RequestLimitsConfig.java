package dev.webui.common.json;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.List;
import java.util.Optional;

/**
 * How much a request body may hold: its declared size, and for JSON what parsing it may build in
 * memory (a few MB of tiny objects become hundreds of MB of tree). Read when the ObjectMapper is
 * made, during static init (safe: the JVM services read their environment then too).
 */
@StaticInitSafe
@ConfigMapping(prefix = "")
public interface RequestLimitsConfig {
    /** REQUEST_BODY_MAX_SIZE: largest body on ordinary routes (settings, forms, lists). */
    @WithName("REQUEST_BODY_MAX_SIZE")
    @WithDefault("8M")
    MemorySize requestBodyMaxSize();

    /** LARGE_REQUEST_BODY_MAX_SIZE: largest body on the routes that carry images (chats, completions). */
    @WithName("LARGE_REQUEST_BODY_MAX_SIZE")
    @WithDefault("50M")
    MemorySize largeRequestBodyMaxSize();

    /** Path prefixes of a service's routes that take LARGE_REQUEST_BODY_MAX_SIZE (set per service). */
    @WithName("webui.large-body-paths")
    Optional<List<String>> largeBodyPaths();

    /** JSON_MAX_TOKENS: most JSON tokens (brackets, names, values) one body may hold. */
    @WithName("JSON_MAX_TOKENS")
    @WithDefault("500000")
    long jsonMaxTokens();

    /** JSON_MAX_NESTING_DEPTH: deepest nesting of objects and arrays in one body. */
    @WithName("JSON_MAX_NESTING_DEPTH")
    @WithDefault("200")
    int jsonMaxNestingDepth();
}
