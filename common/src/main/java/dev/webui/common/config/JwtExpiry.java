package dev.webui.common.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JWT_EXPIRES_IN as Open WebUI writes it: "-1" (never), "0", or a number with ms, s, m, h, d or w. */
public final class JwtExpiry {
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w)");

    private JwtExpiry() {
    }

    /** The lifetime of a token, or empty when tokens never expire. */
    public static Optional<Duration> parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.equals("-1")) {
            return Optional.empty();
        }
        if (v.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher m = FORMAT.matcher(v);
        if (!m.matches()) {
            throw new InvalidConfigurationException("JWT_EXPIRES_IN must be -1, 0 or a number with ms, s, m, h, d or w (e.g. 4w, 12h), not '" + value + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        long millisPerUnit = switch (m.group(2)) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            default -> 604_800_000L;
        };
        return Optional.of(Duration.ofMillis(Math.round(amount * millisPerUnit)));
    }
}
