package dev.webui.common.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * QUARKUS_HTTP_PROXY_TRUSTED_PROXIES may name only IP addresses and CIDR ranges. Quarkus resolves
 * any other entry (a host name, or an IPv6 address it mistakes for host:port such as {@code ::1})
 * through DNS while it handles a request, which stalled requests for seconds; such entries are
 * refused at start, with the spelling to use instead.
 */
final class TrustedProxies {
    static final String PROPERTY = "quarkus.http.proxy.trusted-proxies";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*/\\d{1,3}");

    private TrustedProxies() {
    }

    static void requireLiteral(List<String> entries) {
        for (String raw : entries) {
            String entry = raw.trim();
            if (!IPV4.matcher(entry).matches() && !IPV6_CIDR.matcher(entry).matches()) {
                throw new InvalidConfigurationException("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES may list only IPv4 addresses, IPv4 CIDR ranges "
                        + "and IPv6 CIDR ranges (write ::1 as ::1/128), not '" + entry + "': anything else is looked up in DNS on requests");
            }
        }
    }
}
