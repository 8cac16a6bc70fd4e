package dev.webui.files.web.fetch;

import dev.webui.files.web.WebException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressGuardTest {
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
