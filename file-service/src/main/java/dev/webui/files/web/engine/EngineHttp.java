package dev.webui.files.web.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.files.db.Json;
import dev.webui.files.web.WebConfig;
import dev.webui.files.web.WebException;
import dev.webui.files.web.WebSettings;
import dev.webui.files.web.fetch.WebHttp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls to search engines: WEB_SEARCH_TIMEOUT_SECONDS each, the answer read up to
 * WEB_LOADER_MAX_PAGE_BYTES, the environment's proxy with WEB_SEARCH_TRUST_ENV. Engines are the
 * admin's choice, so their addresses are not checked like pages'. An engine with a fixed public
 * endpoint may be pointed elsewhere with {@code webui.web.engine-url.<engine>} (a relay, or a test).
 */
@ApplicationScoped
public class EngineHttp {
    private final WebHttp http;
    private final WebConfig web;
    private final Config config;

    public EngineHttp(WebHttp http, WebConfig web, Config config) {
        this.http = http;
        this.web = web;
        this.config = config;
    }

    public String endpoint(String engine, String standard) {
        return config.getOptionalValue("webui.web.engine-url." + engine, String.class).orElse(standard);
    }

    /** A setting the engine cannot work without, or Open WebUI's "No ... found" error. */
    public static String required(WebSettings settings, String key) {
        String value = settings.text(key);
        if (value.isEmpty()) {
            throw new WebException("No " + key + " found in the web search settings");
        }
        return value;
    }

    public static String withQuery(String url, Map<String, ?> params) {
        String query = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(String.valueOf(e.getValue())))
                .collect(Collectors.joining("&"));
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    public JsonNode getJson(String engine, String url, Map<String, String> headers, WebSettings settings) {
        return json(engine, text(engine, HttpMethod.GET, url, headers, null, settings));
    }

    public JsonNode postJson(String engine, String url, Map<String, String> headers, Object body, WebSettings settings) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return json(engine, text(engine, HttpMethod.POST, url, all, Buffer.buffer(Json.write(body)), settings));
    }

    public String text(String engine, HttpMethod method, String url, Map<String, String> headers, Buffer body, WebSettings settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("User-Agent", web.userAgent());
        all.put("Accept", "application/json");
        all.putAll(headers);
        WebHttp.Answer answer = http.send(new WebHttp.Call(method, url, all, body, null, true, settings.trustEnv(),
                Duration.ofSeconds(web.searchTimeoutSeconds()), web.maxPageBytes()));
        String text = answer.body().toString(StandardCharsets.UTF_8);
        if (answer.status() < 200 || answer.status() >= 300) {
            String excerpt = text.length() > 200 ? text.substring(0, 200) + "…" : text;
            throw new WebException("The search engine " + engine + " answered HTTP " + answer.status()
                    + (excerpt.isBlank() ? "" : ": " + excerpt.strip()));
        }
        return text;
    }

    private static JsonNode json(String engine, String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new WebException("The search engine " + engine + " did not answer JSON");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
