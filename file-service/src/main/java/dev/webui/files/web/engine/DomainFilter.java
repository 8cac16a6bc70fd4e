package dev.webui.files.web.engine;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** WEB_SEARCH_DOMAIN_FILTER_LIST: when set, only hits whose host ends with one of its entries are kept. */
public final class DomainFilter {
    private DomainFilter() {
    }

    public static List<SearchResult> keep(List<SearchResult> results, List<String> domains) {
        if (domains.isEmpty()) {
            return results;
        }
        return results.stream().filter(r -> {
            String host = host(r.link());
            return host != null && domains.stream().anyMatch(d -> host.endsWith(d.toLowerCase(Locale.ROOT)));
        }).toList();
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
