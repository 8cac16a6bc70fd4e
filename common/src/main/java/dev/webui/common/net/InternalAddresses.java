package dev.webui.common.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses lie inside a deployment: loopback, private (RFC 1918, IPv6 unique-local),
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, benchmarking, "this network",
 * reserved and multicast, also when carried in an IPv4-mapped or NAT64 IPv6 address. The one
 * policy for every outbound call a user can aim (web pages, webhooks).
 */
public final class InternalAddresses {
    private InternalAddresses() {
    }

    public static boolean isInternal(InetAddress address) {
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
                    return isInternal(InetAddress.getByAddress(v4));
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
