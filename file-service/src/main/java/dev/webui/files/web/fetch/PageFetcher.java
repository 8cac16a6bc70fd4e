package dev.webui.files.web.fetch;

import dev.webui.files.web.WebConfig;
import dev.webui.files.web.WebException;
import dev.webui.files.web.WebSettings;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches one page: http(s) only, every hop (the first and each redirect) resolved and checked
 * by {@link AddressGuard} and then connected to that very address, at most WEB_LOADER_MAX_REDIRECTS
 * redirects, WEB_LOADER_TIMEOUT_SECONDS per hop, WEB_LOADER_MAX_PAGE_BYTES read, the admin's SSL
 * verification and proxy choice, USER_AGENT sent.
 */
@ApplicationScoped
public class PageFetcher {
    private final WebHttp http;
    private final WebConfig config;

    public PageFetcher(WebHttp http, WebConfig config) {
        this.http = http;
        this.config = config;
    }

    public FetchedPage fetch(String url, WebSettings settings) {
        URI current = parse(url);
        for (int hop = 0; hop <= config.maxRedirects(); hop++) {
            InetAddress address = AddressGuard.resolve(current.getHost(), settings.localFetch(), settings.localAllowlist());
            int port = current.getPort() > 0 ? current.getPort() : "https".equals(current.getScheme()) ? 443 : 80;
            WebHttp.Answer answer = http.send(new WebHttp.Call(HttpMethod.GET, current.toASCIIString(),
                    Map.of("User-Agent", config.userAgent(), "Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"),
                    null, SocketAddress.inetSocketAddress(port, address.getHostAddress()), settings.verifySsl(), settings.trustEnv(),
                    Duration.ofSeconds(config.loaderTimeoutSeconds()), config.maxPageBytes()));
            int status = answer.status();
            if (status >= 300 && status < 400 && answer.header("Location") != null) {
                current = parse(current.resolve(answer.header("Location").trim()).toString());
                continue;
            }
            if (status >= 400) {
                throw new WebException(current + " answered HTTP " + status);
            }
            return new FetchedPage(url, current.toString(), answer.header("Content-Type"), answer.body());
        }
        throw new WebException(url + " redirected more than " + config.maxRedirects() + " times");
    }

    /** An absolute http(s) URL with a host; anything else is refused as Open WebUI's invalid URL. */
    public static URI parse(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null || uri.getHost().isBlank()) {
                throw new WebException("The URL you provided is invalid: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new WebException("The URL you provided is invalid: " + url);
        }
    }
}
