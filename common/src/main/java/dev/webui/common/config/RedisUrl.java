package dev.webui.common.config;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks {@code REDIS_URL} ({@code redis://[[user]:password@]host[:port][/db]} or {@code rediss://}). */
public final class RedisUrl {
    public static final String DEFAULT = "redis://localhost:6379/0";

    private RedisUrl() {
    }

    public static String validate(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw invalid(url, "it is not a URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss"))) {
            throw invalid(url, "the scheme must be redis:// or rediss://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(url, "it names no host");
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1 && !path.substring(1).matches("\\d{1,2}")) {
            throw invalid(url, "the database after the host must be a number, as in /0");
        }
        return url.trim();
    }

    private static InvalidConfigurationException invalid(String url, String why) {
        return new InvalidConfigurationException("REDIS_URL is malformed: " + why
                + "; expected redis://[:password@]host:6379[/db] (value: " + url.replaceAll(":[^:@/]*@", ":***@") + ")");
    }
}
