package dev.webui.importer.value;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Epoch values in the unit a column uses. Open WebUI mixes seconds and nanoseconds by table, and
 * real databases contain values in the wrong unit (milliseconds from browsers, nanoseconds from
 * newer code paths): magnitudes tell them apart, because no real time is before 1973 or after 5000.
 */
public final class Epochs {
    public enum Unit { SECONDS, NANOSECONDS }

    private static final long E11 = 100_000_000_000L;
    private static final long E14 = 100_000_000_000_000L;
    private static final long E17 = 100_000_000_000_000_000L;

    /** Python's str(datetime) and ISO-8601, with optional fraction and offset. */
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private Epochs() {
    }

    /** The value expressed in {@code unit}, and whether it had to be converted. */
    public record Normalized(long value, boolean converted) {
    }

    public static Normalized normalize(long v, Unit unit) {
        long abs = Math.abs(v);
        if (unit == Unit.SECONDS) {
            if (abs >= E17) {
                return new Normalized(v / 1_000_000_000L, true);
            }
            if (abs >= E14) {
                return new Normalized(v / 1_000_000L, true);
            }
            if (abs >= E11) {
                return new Normalized(v / 1_000L, true);
            }
            return new Normalized(v, false);
        }
        if (v == 0 || abs >= E17) {
            return new Normalized(v, false);
        }
        if (abs >= E14) {
            return new Normalized(v * 1_000L, true);
        }
        if (abs >= E11) {
            return new Normalized(v * 1_000_000L, true);
        }
        return new Normalized(v * 1_000_000_000L, true);
    }

    /** A date-time text (naive = UTC) as a date-time in UTC. */
    public static Optional<LocalDateTime> parseDateTime(String text) {
        try {
            var parsed = DATETIME.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return Optional.of(odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
            }
            return Optional.of((LocalDateTime) parsed);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static long toEpochSeconds(LocalDateTime utc) {
        return utc.toEpochSecond(ZoneOffset.UTC);
    }
}
