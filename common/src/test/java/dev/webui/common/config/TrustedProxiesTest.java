package dev.webui.common.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustedProxiesTest {
    @Test
    void addressesAndRangesPass() {
        assertDoesNotThrow(() -> TrustedProxies.requireLiteral(
                List.of("127.0.0.1", "127.0.0.0/8", " 10.0.0.0/8", "::1/128", "fc00::/7", "2001:db8::/32")));
    }

    @Test
    void entriesThatWouldBeLookedUpInDnsAreRefused() {
        for (String entry : List.of("::1", "proxy.internal", "localhost", "cafe", "[::1]:8080", "10.0.0.1:80")) {
            InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                    () -> TrustedProxies.requireLiteral(List.of(entry)), entry);
            assertTrue(refused.getMessage().contains(entry), refused.getMessage());
        }
    }
}
