package dev.webui.importer.target;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import dev.webui.importer.report.Report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes rows in batches, one transaction per batch. Every statement is an
 * {@code INSERT … ON CONFLICT DO NOTHING}, so a rerun after a crash skips what a committed batch
 * already wrote and finishes the rest. A batch PostgreSQL rejects is retried unit by unit (a unit
 * = the rows made from one source row), and only the rejected units are skipped and reported.
 */
public final class BatchWriter {
    /** Called after each committed batch (progress output; tests inject a crash here). */
    public interface Listener {
        void committed(String table, long batches);
    }

    private final Connection connection;
    private final Report report;
    private final Listener listener;
    private final boolean dryRun;
    private final List<Unit> pending = new ArrayList<>();
    private long batches;
    private long pendingChars;

    private record Unit(String table, String rowId, List<Insert> inserts) {
    }

    public BatchWriter(Connection connection, Report report, Listener listener, boolean dryRun) {
        this.connection = connection;
        this.report = report;
        this.listener = listener;
        this.dryRun = dryRun;
    }

    public void add(String table, String rowId, List<Insert> inserts) {
        pending.add(new Unit(table, rowId, inserts));
        for (Insert insert : inserts) {
            for (Object param : insert.params()) {
                if (param instanceof String s) {
                    pendingChars += s.length();
                }
            }
        }
    }

    /** Characters of text held by the pending rows (a measure of their memory). */
    public long pendingChars() {
        return pendingChars;
    }

    public int pendingUnits() {
        return pending.size();
    }

    public void flush(String table) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        if (dryRun) {
            pending.forEach(u -> u.inserts().forEach(i -> report.table(i.table()).written(1)));
        } else {
            try {
                Map<String, Long> written = execute(pending);
                connection.commit();
                written.forEach((t, n) -> report.table(t).written(n));
            } catch (SQLException e) {
                connection.rollback();
                writeOneByOne();
            }
        }
        pending.clear();
        pendingChars = 0;
        batches++;
        listener.committed(table, batches);
    }

    private void writeOneByOne() throws SQLException {
        Map<String, Long> written = new LinkedHashMap<>();
        List<Runnable> skips = new ArrayList<>();
        for (Unit unit : pending) {
            Savepoint sp = connection.setSavepoint();
            try {
                execute(List.of(unit)).forEach((t, n) -> written.merge(t, n, Long::sum));
                connection.releaseSavepoint(sp);
            } catch (SQLException e) {
                connection.rollback(sp);
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
                skips.add(() -> report.table(unit.table()).skip("rejected by PostgreSQL: " + message, unit.rowId()));
            }
        }
        connection.commit();
        written.forEach((t, n) -> report.table(t).written(n));
        skips.forEach(Runnable::run);
    }

    /**
     * The SQL type of each parameter as the non-null values of the group have it. pgjdbc starts a
     * new server round trip whenever parameter types change inside a batch, so an untyped NULL
     * between typed values (a chat message without a model after one with) would cost one each.
     */
    private static int[] nullTypes(List<Insert> inserts) {
        int[] types = new int[inserts.get(0).params().size()];
        Arrays.fill(types, Types.OTHER);
        for (int i = 0; i < types.length; i++) {
            for (Insert insert : inserts) {
                Object value = insert.params().get(i);
                if (value != null) {
                    types[i] = sqlType(value);
                    break;
                }
            }
        }
        return types;
    }

    private static int sqlType(Object value) {
        if (value instanceof String) {
            return Types.VARCHAR;
        }
        if (value instanceof Long) {
            return Types.BIGINT;
        }
        if (value instanceof Integer) {
            return Types.INTEGER;
        }
        if (value instanceof Boolean) {
            return Types.BOOLEAN;
        }
        if (value instanceof LocalDateTime) {
            return Types.TIMESTAMP;
        }
        if (value instanceof LocalDate) {
            return Types.DATE;
        }
        return Types.OTHER;
    }

    /** Runs the inserts grouped by statement, in first-appearance order; rows written per table. */
    private Map<String, Long> execute(List<Unit> units) throws SQLException {
        Map<String, List<Insert>> bySql = new LinkedHashMap<>();
        for (Unit unit : units) {
            for (Insert insert : unit.inserts()) {
                bySql.computeIfAbsent(insert.sql(), k -> new ArrayList<>()).add(insert);
            }
        }
        Map<String, Long> written = new LinkedHashMap<>();
        for (Map.Entry<String, List<Insert>> group : bySql.entrySet()) {
            try (PreparedStatement ps = connection.prepareStatement(group.getKey())) {
                int[] nullTypes = nullTypes(group.getValue());
                for (Insert insert : group.getValue()) {
                    for (int i = 0; i < insert.params().size(); i++) {
                        Object value = insert.params().get(i);
                        if (value == null) {
                            ps.setNull(i + 1, nullTypes[i]);
                        } else {
                            ps.setObject(i + 1, value);
                        }
                    }
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                String table = group.getValue().get(0).table();
                long n = 0;
                for (int c : counts) {
                    n += Math.max(c, 0);
                }
                written.merge(table, n, Long::sum);
            }
        }
        return written;
    }
}
