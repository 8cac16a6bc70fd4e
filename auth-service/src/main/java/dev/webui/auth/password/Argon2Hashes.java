package dev.webui.auth.password;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies argon2 hashes in the PHC string form Open WebUI writes when it runs with
 * PASSWORD_HASH_ALGORITHM=argon2 ({@code $argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>}, unpadded
 * base64), so that accounts imported from such an installation sign in. The suite never writes
 * argon2: new passwords are bcrypt. Parameters beyond what any sane installation uses are refused
 * (a hash must not make a sign-in allocate gigabytes).
 */
final class Argon2Hashes {
    static final String PREFIX = "$argon2";
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2(id|i|d)\\$(?:v=(\\d+)\\$)?m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    /** 1 GiB of memory cost (in KiB), 64 passes, 64 lanes. */
    private static final long MAX_MEMORY_KIB = 1L << 20;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_LANES = 64;

    private Argon2Hashes() {
    }

    static boolean isArgon2(String hash) {
        return hash != null && hash.startsWith(PREFIX);
    }

    /** Whether {@code password} matches; false for a malformed hash or out-of-bounds parameters. */
    static boolean verify(String password, String hash) {
        Matcher m = PHC.matcher(hash);
        if (!m.matches()) {
            return false;
        }
        long memory = Long.parseLong(m.group(3));
        long iterations = Long.parseLong(m.group(4));
        long lanes = Long.parseLong(m.group(5));
        if (memory > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS || lanes < 1 || lanes > MAX_LANES
                || memory < 8 * lanes) {
            return false;
        }
        int type = switch (m.group(1)) {
            case "id" -> Argon2Parameters.ARGON2_id;
            case "i" -> Argon2Parameters.ARGON2_i;
            default -> Argon2Parameters.ARGON2_d;
        };
        int version = m.group(2) == null ? Argon2Parameters.ARGON2_VERSION_10 : Integer.parseInt(m.group(2));
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(pad(m.group(6)));
            expected = Base64.getDecoder().decode(pad(m.group(7)));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (expected.length < 4) {
            return false;
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(type).withVersion(version).withSalt(salt)
                .withMemoryAsKB((int) memory).withIterations((int) iterations).withParallelism((int) lanes).build());
        byte[] actual = new byte[expected.length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), actual);
        return MessageDigest.isEqual(expected, actual);
    }

    private static String pad(String base64) {
        return base64 + "=".repeat((4 - base64.length() % 4) % 4);
    }
}
