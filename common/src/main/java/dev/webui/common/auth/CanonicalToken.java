package dev.webui.common.auth;

import java.util.Base64;

/**
 * The one accepted spelling of a compact JWS: three base64url parts without padding, each the exact
 * encoding of its bytes. Base64 decoders accept other spellings of the same bytes (non-zero spare
 * bits in the last character, appended '='), which would let a signed-out token come back under a
 * new string; refusing them makes a token's string, and so its revocation id, unique.
 */
final class CanonicalToken {
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private CanonicalToken() {
    }

    static boolean isCanonical(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.indexOf('.', second + 1) >= 0) {
            return false;
        }
        return isCanonicalPart(token.substring(0, first)) && isCanonicalPart(token.substring(first + 1, second))
                && isCanonicalPart(token.substring(second + 1));
    }

    private static boolean isCanonicalPart(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!alphabet) {
                return false;
            }
        }
        try {
            return ENCODER.encodeToString(DECODER.decode(part)).equals(part);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
