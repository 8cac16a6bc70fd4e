package dev.webui.common.testing;

import java.util.List;

/** Other spellings of a token's signature that lenient base64url decoders read as the same bytes. */
public final class TokenSpellings {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private TokenSpellings() {
    }

    /** The token with a spare bit of its signature's last character flipped (an HS256 signature has two). */
    public static String spareBitsChanged(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + ALPHABET.charAt(ALPHABET.indexOf(last) ^ 1);
    }

    /** The token with base64 padding appended to its signature. */
    public static String padded(String token) {
        return token + "=";
    }

    public static List<String> respelled(String token) {
        return List.of(spareBitsChanged(token), padded(token));
    }
}
