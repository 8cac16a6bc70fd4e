package dev.webui.files.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Limits of web search and page loading that are deployment choices rather than admin settings
 * (those are registered settings: WEB_SEARCH_*, WEB_LOADER_*, ENABLE_RAG_LOCAL_WEB_FETCH).
 */
@ConfigMapping(prefix = "")
public interface WebConfig {
    /** WEB_SEARCH_TIMEOUT_SECONDS: how long one call to a search engine may take. */
    @WithName("WEB_SEARCH_TIMEOUT_SECONDS")
    @WithDefault("10")
    int searchTimeoutSeconds();

    /** WEB_LOADER_TIMEOUT_SECONDS: how long fetching one page may take, redirects included. */
    @WithName("WEB_LOADER_TIMEOUT_SECONDS")
    @WithDefault("10")
    int loaderTimeoutSeconds();

    /** WEB_LOADER_MAX_PAGE_BYTES: bytes read of one page (or engine answer); the rest is not read. */
    @WithName("WEB_LOADER_MAX_PAGE_BYTES")
    @WithDefault("2097152")
    int maxPageBytes();

    /** WEB_LOADER_MAX_REDIRECTS: redirects followed per page, each hop checked like the first. */
    @WithName("WEB_LOADER_MAX_REDIRECTS")
    @WithDefault("5")
    int maxRedirects();

    /** USER_AGENT: sent with every page fetch and engine call (Open WebUI's variable). */
    @WithName("USER_AGENT")
    @WithDefault("Mozilla/5.0 (compatible; open-webui-java RAG bot)")
    String userAgent();
}
