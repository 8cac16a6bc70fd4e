package dev.webui.common.webhook;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** What a webhook URL must be: http or https, with a host. */
public final class WebhookUrl {
    public static final String RULE = "A webhook URL must be an http:// or https:// address with a host";

    private WebhookUrl() {
    }

    public static Optional<URI> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
