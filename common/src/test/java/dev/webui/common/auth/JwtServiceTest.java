package dev.webui.common.auth;

import dev.webui.common.testing.TokenSpellings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtServiceTest {
    // HS256 {"id": ...} without exp, signed with Open WebUI's old default secret by another implementation
    // (Python's hmac over the compact header.payload), to prove tokens interoperate.
    private static final String FOREIGN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJpZCI6IjJmMGMzYTU4LTExMTEtNGE0Yy05ZDBlLTZiMWY2ZjRiMmExMCJ9"
            + ".HPzkjEY3uKifAQuU3PBTBQKW3PSpy1AnznL_NyWIUGM";

    @Test
    void acceptsTokensFromAnotherImplementationWithAShortSecret() {
        JwtService.VerifiedToken token = new JwtService("t0p-s3cr3t").verify(FOREIGN).orElseThrow();
        assertEquals("2f0c3a58-1111-4a4c-9d0e-6b1f6f4b2a10", token.userId());
        assertNull(token.expiresAt());
        assertTrue(new JwtService("other").verify(FOREIGN).isEmpty());
    }

    @Test
    void issuedTokensCarryIdExpAndAUniqueJti() {
        JwtService jwt = new JwtService("secret");
        long exp = Instant.now().plusSeconds(60).getEpochSecond();
        String token = jwt.issue("u1", Optional.of(Instant.ofEpochSecond(exp)));
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertTrue(payload.matches("\\{\"id\":\"u1\",\"jti\":\"[0-9a-f-]{36}\",\"exp\":" + exp + "}"), payload);
        assertEquals(exp, jwt.verify(token).orElseThrow().expiresAt());
        // issued in the same second for the same user, two tokens still differ (so revoking one spares the other)
        assertNotEquals(token, jwt.issue("u1", Optional.of(Instant.ofEpochSecond(exp))));
    }

    @Test
    void rejectsExpiredTamperedUnsignedAndIdlessTokens() {
        JwtService jwt = new JwtService("secret");
        assertTrue(jwt.verify(jwt.issue("u1", Optional.of(Instant.now().minusSeconds(1)))).isEmpty());
        String good = jwt.issue("u1", Optional.empty());
        String[] parts = good.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"id\":\"admin\"}".getBytes());
        assertTrue(jwt.verify(parts[0] + "." + otherPayload + "." + parts[2]).isEmpty());
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        assertTrue(jwt.verify(none + "." + parts[1] + ".").isEmpty());
        String noId = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"u1\"}".getBytes());
        assertTrue(jwt.verify(parts[0] + "." + noId + "." + parts[2]).isEmpty());
        assertTrue(jwt.verify("not-a-token").isEmpty());
    }

    @Test
    void onlyTheCanonicalSpellingVerifies() {
        JwtService jwt = new JwtService("secret");
        String token = jwt.issue("u1", Optional.empty());
        assertTrue(jwt.verify(token).isPresent());
        for (String respelled : TokenSpellings.respelled(token)) {
            assertTrue(jwt.verify(respelled).isEmpty(), respelled);
        }
        String[] parts = token.split("\\.");
        assertTrue(jwt.verify(parts[0] + "==." + parts[1] + "." + parts[2]).isEmpty(), "padded header");
        assertTrue(jwt.verify(parts[0] + "." + parts[1] + "." + parts[2] + "\n").isEmpty(), "trailing newline");
        assertTrue(jwt.verify(parts[0] + "." + parts[1] + "." + parts[2].replace('-', '+').replace('_', '/')).isEmpty()
                || !parts[2].matches(".*[-_].*"), "standard (non-url) alphabet");
        // the foreign token's signature is canonical and keeps verifying; re-spelled, it does not
        assertTrue(new JwtService("t0p-s3cr3t").verify(TokenSpellings.spareBitsChanged(FOREIGN)).isEmpty());
    }

    @Test
    void revocationIdIsTheJtiOrTheDigestOfTheToken() {
        JwtService jwt = new JwtService("t0p-s3cr3t");
        JwtService.VerifiedToken withJti = jwt.verify(jwt.issue("u1", Optional.empty())).orElseThrow();
        assertTrue(withJti.revocationId().matches("jti:[0-9a-f-]{36}"), withJti.revocationId());
        assertTrue(withJti.digestId().matches("sha256:[0-9a-f]{64}"), withJti.digestId());
        JwtService.VerifiedToken foreign = jwt.verify(FOREIGN).orElseThrow();
        assertEquals(foreign.digestId(), foreign.revocationId());
    }

    @Test
    void aVerifiedTokenIsRefusedOnceItExpiresEvenThoughItWasRemembered() {
        JwtService jwt = new JwtService("secret");
        Instant exp = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 1);
        String token = jwt.issue("u1", Optional.of(exp));
        assertEquals("u1", jwt.verify(token).orElseThrow().userId());
        assertEquals("u1", jwt.verify(token).orElseThrow().userId());
        await("the token's expiry").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> Instant.now().isAfter(exp));
        assertTrue(jwt.verify(token).isEmpty());
        assertTrue(jwt.verify(token).isEmpty());
    }
}
