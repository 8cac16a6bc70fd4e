package dev.webui.importer.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts for one target table: rows read, written, skipped (with reasons) and values repaired. */
public final class TableReport {
    private static final int EXAMPLES = 3;

    private final String table;
    private long read;
    private long written;
    private final Map<String, Reason> skipped = new LinkedHashMap<>();
    private final Map<String, Reason> repaired = new LinkedHashMap<>();
    private final Map<String, Reason> merged = new LinkedHashMap<>();

    public TableReport(String table) {
        this.table = table;
    }

    public String table() {
        return table;
    }

    public synchronized void read() {
        read++;
    }

    public synchronized void written(long rows) {
        written += rows;
    }

    public synchronized void skip(String reason, String rowId) {
        skipped.computeIfAbsent(reason, Reason::new).add(rowId);
    }

    /** A row not written because it was folded into an existing one (--merge-accounts), reported apart from skips. */
    public synchronized void merged(String reason, String rowId) {
        merged.computeIfAbsent(reason, Reason::new).add(rowId);
    }

    public synchronized long mergedCount() {
        return merged.values().stream().mapToLong(Reason::count).sum();
    }

    public synchronized Map<String, Reason> mergedReasons() {
        return Map.copyOf(merged);
    }

    /** A value was changed or dropped so that the row could be written. */
    public synchronized void repair(String reason, String rowId) {
        repaired.computeIfAbsent(reason, Reason::new).add(rowId);
    }

    public synchronized long readCount() {
        return read;
    }

    public synchronized long writtenCount() {
        return written;
    }

    public synchronized long skippedCount() {
        return skipped.values().stream().mapToLong(Reason::count).sum();
    }

    /** Rows that were read and not skipped but already in the target (an earlier run wrote them). */
    public synchronized long presentCount() {
        return Math.max(0, read - written - skippedCount() - mergedCount());
    }

    public synchronized long skippedCount(String reason) {
        Reason r = skipped.get(reason);
        return r == null ? 0 : r.count();
    }

    public synchronized long repairedCount(String reason) {
        Reason r = repaired.get(reason);
        return r == null ? 0 : r.count();
    }

    public synchronized Map<String, Reason> skipped() {
        return Map.copyOf(skipped);
    }

    public synchronized Map<String, Reason> repaired() {
        return Map.copyOf(repaired);
    }

    /** How often something happened, with the first few row ids as examples. */
    public static final class Reason {
        private final String text;
        private long count;
        private final List<String> examples = new ArrayList<>();

        Reason(String text) {
            this.text = text;
        }

        void add(String rowId) {
            count++;
            if (examples.size() < EXAMPLES && rowId != null) {
                examples.add(rowId);
            }
        }

        public String text() {
            return text;
        }

        public long count() {
            return count;
        }

        public List<String> examples() {
            return List.copyOf(examples);
        }
    }
}
