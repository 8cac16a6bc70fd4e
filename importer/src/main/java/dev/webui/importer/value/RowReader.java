package dev.webui.importer.value;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.importer.report.TableReport;
import dev.webui.importer.source.SourceRow;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads one source row column by column, converting SQLite's and PostgreSQL's representations to
 * the target's types and reporting every value it had to repair.
 */
public final class RowReader {
    private final SourceRow row;
    private final TableReport report;
    private final long importTime;

    public RowReader(SourceRow row, TableReport report, long importTime) {
        this.row = row;
        this.report = report;
        this.importTime = importTime;
    }

    public String id() {
        return text("id");
    }

    public SourceRow row() {
        return row;
    }

    public void repair(String reason) {
        report.repair(reason, row.id());
    }

    /** Text without U+0000, or null. */
    public String text(String column) {
        Object v = row.get(column);
        if (v == null) {
            return null;
        }
        String s = v instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : v.toString();
        if (s.indexOf('\0') >= 0) {
            repair("NUL bytes removed from " + column);
            return Text.stripNul(s);
        }
        return s;
    }

    /** Text for a NOT NULL column: a missing value becomes {@code fallback}, reported. */
    public String text(String column, String fallback) {
        String s = text(column);
        if (s == null) {
            repair(column + " missing, set to '" + fallback + "'");
            return fallback;
        }
        return s;
    }

    /** SQLite's 0/1 (also '0'/'1'/'true'/'false' text) or PostgreSQL's boolean; null stays null. */
    public Boolean bool(String column) {
        Object v = row.get(column);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        String s = v.toString().trim().toLowerCase();
        switch (s) {
            case "1", "true", "t", "yes" -> {
                return true;
            }
            case "0", "false", "f", "no", "" -> {
                return false;
            }
            default -> {
                repair(column + " not a boolean ('" + s + "'), set to null");
                return null;
            }
        }
    }

    public boolean bool(String column, boolean fallback) {
        Boolean b = bool(column);
        return b == null ? fallback : b;
    }

    /** An integer (e.g. a version number); anything else null, reported. */
    public Long integer(String column) {
        Object v = row.get(column);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return new BigDecimal(v.toString().trim()).longValue();
        } catch (NumberFormatException e) {
            repair(column + " not a number, set to null");
            return null;
        }
    }

    /** An epoch time in {@code unit}: numbers in another unit and date-time texts are converted. */
    public Long epoch(String column, Epochs.Unit unit) {
        Object v = row.get(column);
        if (v == null) {
            return null;
        }
        long raw;
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            raw = ((Number) v).longValue();
        } else if (v instanceof Number n) {
            raw = n.longValue();
            if (n.doubleValue() != raw) {
                repair(column + " had a fraction, truncated");
            }
        } else if (v instanceof Timestamp ts) {
            return fromSeconds(column, ts.toInstant().getEpochSecond(), unit);
        } else {
            String s = v.toString().trim();
            try {
                BigDecimal d = new BigDecimal(s);
                raw = d.longValue();
                if (d.stripTrailingZeros().scale() > 0) {
                    repair(column + " had a fraction, truncated");
                }
            } catch (NumberFormatException e) {
                Optional<LocalDateTime> dt = Epochs.parseDateTime(s);
                if (dt.isEmpty()) {
                    repair(column + " unreadable ('" + Text.truncate(s, 40) + "'), set to null");
                    return null;
                }
                return fromSeconds(column, Epochs.toEpochSeconds(dt.get()), unit);
            }
        }
        Epochs.Normalized n = Epochs.normalize(raw, unit);
        if (n.converted()) {
            repair(column + " in the wrong unit, converted to " + unit.name().toLowerCase());
        }
        return n.value();
    }

    private Long fromSeconds(String column, long seconds, Epochs.Unit unit) {
        repair(column + " was a date-time, converted to epoch " + unit.name().toLowerCase());
        return unit == Epochs.Unit.SECONDS ? seconds : seconds * 1_000_000_000L;
    }

    /** The run's start time in {@code unit}, for NOT NULL times the source lacks. */
    public long importTime(Epochs.Unit unit) {
        return unit == Epochs.Unit.SECONDS ? importTime : importTime * 1_000_000_000L;
    }

    /** A SQL timestamp (config) from PostgreSQL's timestamp or SQLite's text. */
    public LocalDateTime timestamp(String column) {
        Object v = row.get(column);
        if (v == null) {
            return null;
        }
        if (v instanceof Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (v instanceof Number n) {
            long seconds = Epochs.normalize(n.longValue(), Epochs.Unit.SECONDS).value();
            return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        }
        Optional<LocalDateTime> dt = Epochs.parseDateTime(v.toString());
        if (dt.isEmpty()) {
            repair(column + " unreadable, set to null");
        }
        return dt.orElse(null);
    }

    /** A date (user.date_of_birth): 'YYYY-MM-DD' or PostgreSQL's date; anything else null. */
    public LocalDate date(String column) {
        Object v = row.get(column);
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) {
            return d.toLocalDate();
        }
        String s = v.toString().trim();
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            repair(column + " not a date, set to null");
            return null;
        }
    }

    /**
     * A JSON column (SQL JSON or JSON text): parsed, cleaned of U+0000 and NaN; a JSON null,
     * SQL NULL or unparsable text gives null (the latter reported).
     */
    public JsonNode json(String column) {
        Object v = row.get(column);
        if (v == null) {
            return null;
        }
        String s = v.toString();
        JsonNode node;
        try {
            node = Json.parse(s);
        } catch (JsonProcessingException e) {
            repair("invalid JSON in " + column + ", set to null");
            return null;
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        boolean[] flags = new boolean[2];
        node = Json.clean(node, flags);
        if (flags[0]) {
            repair("NUL characters removed from JSON in " + column);
        }
        if (flags[1]) {
            repair("NaN/Infinity in " + column + " set to null");
        }
        return node;
    }

    /** A JSON column that must hold an object: anything else becomes null, reported. */
    public JsonNode jsonObject(String column) {
        JsonNode node = json(column);
        if (node != null && !node.isObject()) {
            repair(column + " was not a JSON object, set to null");
            return null;
        }
        return node;
    }
}
