package dev.webui.api.tool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Function names as providers accept them ({@code ^[a-zA-Z0-9_-]{1,64}$}, OpenAI's rule): other
 * characters become {@code _}, and a name longer than 64 keeps its first 55 characters plus
 * {@code _} and 8 hex digits of its hash, so two long names stay apart.
 */
public final class FunctionNames {
    private static final int MAX = 64;
    private static final Pattern OTHER = Pattern.compile("[^a-zA-Z0-9_-]");

    private FunctionNames() {
    }

    public static String safe(String name) {
        String cleaned = OTHER.matcher(name == null || name.isEmpty() ? "function" : name).replaceAll("_");
        if (cleaned.length() <= MAX) {
            return cleaned;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return cleaned.substring(0, MAX - 9) + "_" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
