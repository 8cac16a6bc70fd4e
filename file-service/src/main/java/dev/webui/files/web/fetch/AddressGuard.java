package dev.webui.files.web.fetch;

import dev.webui.files.web.WebException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Refuses hosts that resolve to an address inside the deployment: loopback, private (RFC 1918,
 * IPv6 unique-local), link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, "this
 * network" and multicast. Every address a name resolves to must be public, and the caller
 * connects to the address checked here, so a second lookup cannot swap it.
 */
public final class AddressGuard {
    private AddressGuard() {
    }

    /**
     * The address to connect to; refused unless public, or {@code allowLocal} (ENABLE_RAG_LOCAL_WEB_FETCH),
     * or the host or its address is in {@code allowlist} (WEB_LOADER_LOCAL_ALLOWLIST).
     */
    public static InetAddress resolve(String host, boolean allowLocal, List<String> allowlist) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new WebException("The host " + host + " could not be resolved");
        }
        if (!allowLocal) {
            String name = host.replaceAll("^\\[|]$", "").toLowerCase(Locale.ROOT);
            for (InetAddress address : addresses) {
                boolean listed = allowlist.stream().anyMatch(a -> a.equalsIgnoreCase(name) || a.equalsIgnoreCase(address.getHostAddress()));
                if (internal(address) && !listed) {
                    throw new WebException("Refused to fetch " + host + ": it resolves to a private, loopback or link-local address ("
                            + address.getHostAddress() + ")");
                }
            }
        }
        return addresses[0];
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) || (first == 198 && (second == 18 || second == 19))
                    || first >= 240;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            if (isMappedOrCompatible(b)) {
                byte[] v4 = {b[12], b[13], b[14], b[15]};
                try {
                    return internal(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** ::ffff:a.b.c.d and the NAT64 prefix 64:ff9b::/96 carry an IPv4 address in their last 4 bytes. */
    private static boolean isMappedOrCompatible(byte[] b) {
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean nat64 = (b[0] & 0xff) == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = b[i] == 0;
        }
        return mapped || nat64;
    }
}
