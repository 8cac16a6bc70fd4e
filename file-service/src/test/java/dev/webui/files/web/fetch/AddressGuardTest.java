package dev.webui.files.web.fetch;

import dev.webui.files.web.WebException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressGuardTest {
    @Test
    void internalAddressesAreRecognised() throws Exception {
        for (String internal : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "224.0.0.1")) {
            assertTrue(AddressGuard.internal(InetAddress.getByName(internal)), internal);
        }
        for (String external : List.of("93.184.216.34", "8.8.8.8", "2606:4700::1111", "100.128.0.1")) {
            assertFalse(AddressGuard.internal(InetAddress.getByName(external)), external);
        }
    }

    @Test
    void theAllowlistAndTheSwitchLetLocalHostsThrough() {
        WebException refused = assertThrows(WebException.class, () -> AddressGuard.resolve("127.0.0.1", false, List.of()));
        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
        assertEquals("127.0.0.1", AddressGuard.resolve("127.0.0.1", false, List.of("127.0.0.1")).getHostAddress());
        assertEquals("127.0.0.1", AddressGuard.resolve("127.0.0.1", true, List.of()).getHostAddress());
        assertThrows(WebException.class, () -> AddressGuard.resolve("10.0.0.1", false, List.of("127.0.0.1")));
        assertThrows(WebException.class, () -> AddressGuard.resolve("no-such-host.invalid", true, List.of()));
    }
}
