package dev.webui.common.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.webui.common.config.CoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Open WebUI's tokens: HS256 over WEBUI_SECRET_KEY with the payload {"id": userId, "exp": seconds}
 * ("exp" absent when tokens never expire) plus a unique "jti", which newer Open WebUI releases
 * add too; tokens without one (older installations) verify just the same. Open WebUI secrets are often shorter than 256 bits, so
 * jose4j's key-length check is relaxed on purpose. Only the canonical base64url spelling of a token
 * verifies ({@link CanonicalToken}), so each token has exactly one string and one revocation id.
 */
@ApplicationScoped
public class JwtService {
    private final HmacKey key;
    private final JwtConsumer consumer;
    /** Tokens already verified: the same bytes verify the same way, so a page load's requests parse and sign once. */
    private final Cache<String, VerifiedToken> verified = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(5)).build();

    @Inject
    public JwtService(CoreConfig config) {
        this(config.webuiSecretKey().orElseThrow(() -> new IllegalStateException("WEBUI_SECRET_KEY is not set")));
    }

    public JwtService(String secret) {
        this.key = new HmacKey(secret.getBytes(StandardCharsets.UTF_8));
        this.consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setRelaxVerificationKeyValidation()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setSkipDefaultAudienceValidation()
                .setAllowedClockSkewInSeconds(0)
                .build();
    }

    /** A signed token for the user, valid until {@code expiresAt} (or forever when empty). */
    public String issue(String userId, Optional<Instant> expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setStringClaim("id", userId);
        // a unique id per token: a sign-out revokes exactly that token, not the next one issued in the same second
        claims.setJwtId(UUID.randomUUID().toString());
        expiresAt.ifPresent(exp -> claims.setExpirationTime(NumericDate.fromSeconds(exp.getEpochSecond())));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    /** The claims of a token whose signature and expiry are valid; empty otherwise. */
    public Optional<VerifiedToken> verify(String token) {
        // only canonical tokens are ever cached, so a known one needs no second look at its spelling
        VerifiedToken known = verified.getIfPresent(token);
        if (known != null) {
            if (known.expiresAt() == null || known.expiresAt() > System.currentTimeMillis() / 1000) {
                return Optional.of(known);
            }
            verified.invalidate(token);
            return Optional.empty();
        }
        if (!CanonicalToken.isCanonical(token)) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = consumer.processToClaims(token);
            Object id = claims.getClaimValue("id");
            if (!(id instanceof String userId) || userId.isEmpty()) {
                return Optional.empty();
            }
            NumericDate exp = claims.getExpirationTime();
            String jti = claims.getJwtId();
            String digestId = "sha256:" + sha256(token);
            String revocationId = jti == null || jti.isEmpty() ? digestId : "jti:" + jti;
            VerifiedToken result = new VerifiedToken(userId, exp == null ? null : exp.getValue(), revocationId, digestId);
            verified.put(token, result);
            return Optional.of(result);
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token that passed verification; {@code expiresAt} in unix seconds, null when it never expires.
     * {@code revocationId} names the token for sign-out: {@code jti:<jti>}, or for tokens without a
     * jti {@code sha256:<hex>} of the (canonical, hence unique) token string, which is
     * {@code digestId} for every token (sign-outs recorded before tokens were revoked by jti used it).
     */
    public record VerifiedToken(String userId, Long expiresAt, String revocationId, String digestId) {
    }
}
