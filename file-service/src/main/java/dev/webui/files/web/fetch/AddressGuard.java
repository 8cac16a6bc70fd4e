package dev.webui.files.web.fetch;

import dev.webui.common.net.InternalAddresses;
import dev.webui.files.web.WebException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Refuses hosts that resolve to an address inside the deployment ({@link InternalAddresses}).
 * Every address a name resolves to must be public, and the caller connects to the address checked
 * here, so a second lookup cannot swap it.
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
                if (InternalAddresses.isInternal(address) && !listed) {
                    throw new WebException("Refused to fetch " + host + ": it resolves to a private, loopback or link-local address ("
                            + address.getHostAddress() + ")");
                }
            }
        }
        return addresses[0];
    }
}
