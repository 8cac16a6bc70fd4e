package dev.webui.common.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JwtExpiryTest {
    @Test
    void openWebuiDurations() {
        assertEquals(Optional.empty(), JwtExpiry.parse("-1"));
        assertEquals(Optional.of(Duration.ZERO), JwtExpiry.parse("0"));
        assertEquals(Optional.of(Duration.ofDays(28)), JwtExpiry.parse("4w"));
        assertEquals(Optional.of(Duration.ofHours(12)), JwtExpiry.parse("12h"));
        assertEquals(Optional.of(Duration.ofMillis(1500)), JwtExpiry.parse("1.5s"));
        assertEquals(Optional.of(Duration.ofMillis(250)), JwtExpiry.parse("250ms"));
        assertEquals(Optional.of(Duration.ofMinutes(30)), JwtExpiry.parse("30m"));
    }

    @Test
    void garbageIsRejected() {
        assertThrows(InvalidConfigurationException.class, () -> JwtExpiry.parse("forever"));
        assertThrows(InvalidConfigurationException.class, () -> JwtExpiry.parse("4 weeks"));
        assertThrows(InvalidConfigurationException.class, () -> JwtExpiry.parse("-2"));
    }
}
