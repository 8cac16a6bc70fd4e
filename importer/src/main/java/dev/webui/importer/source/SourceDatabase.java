package dev.webui.importer.source;

import java.util.ArrayList;
import java.util.List;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** A read-only connection to an Open WebUI database, SQLite or PostgreSQL. */
public final class SourceDatabase implements AutoCloseable {
    private final Connection connection;
    private final boolean sqlite;
    private final Set<String> tables;

    private SourceDatabase(Connection connection, boolean sqlite) throws SQLException {
        this.connection = connection;
        this.sqlite = sqlite;
        this.tables = listTables();
    }

    /** Opens webui.db read-only: the file is never modified. */
    public static SourceDatabase sqlite(java.nio.file.Path file) throws SQLException {
        Properties p = new Properties();
        p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro", p);
        return new SourceDatabase(c, true);
    }

    public static SourceDatabase postgres(String jdbcUrl, String user, String password) throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl, user, password);
        c.setReadOnly(true);
        // one snapshot for the whole run, so a running Open WebUI cannot make tables disagree;
        // a transaction also lets pgjdbc stream with a fetch size
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setAutoCommit(false);
        return new SourceDatabase(c, false);
    }

    public boolean isSqlite() {
        return sqlite;
    }

    public boolean hasTable(String table) {
        return tables.contains(table);
    }

    public Set<String> tables() {
        return Set.copyOf(tables);
    }

    public Set<String> columns(String table) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + quote(table) + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    public long count(String table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One string value per row of a single-column query (version tables). */
    public List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    public interface RowHandler {
        void accept(SourceRow row) throws Exception;
    }

    /**
     * Streams every row of {@code table} ordered by {@code orderBy} (column names of the table;
     * ones the vintage lacks are left out). Values: SQLite as stored (Long, Double, String, byte[]);
     * PostgreSQL json/date/timestamp as their JDBC objects.
     */
    public void stream(String table, List<String> orderBy, RowHandler handler) throws Exception {
        Set<String> columns = columns(table);
        StringBuilder sql = new StringBuilder("SELECT * FROM ").append(quote(table));
        List<String> order = orderBy.stream().filter(columns::contains).toList();
        if (!order.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", order.stream().map(SourceDatabase::quote).toList()));
        }
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            ps.setFetchSize(200);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                String[] names = new String[n];
                for (int i = 0; i < n; i++) {
                    names[i] = md.getColumnName(i + 1).toLowerCase(Locale.ROOT);
                }
                while (rs.next()) {
                    Map<String, Object> values = new HashMap<>(n * 2);
                    for (int i = 0; i < n; i++) {
                        values.put(names[i], read(rs, i + 1, md.getColumnTypeName(i + 1)));
                    }
                    handler.accept(new SourceRow(values));
                }
            }
        }
    }

    private Object read(ResultSet rs, int i, String typeName) throws SQLException {
        if (sqlite) {
            // the driver's typed getters would coerce by declared type; take the stored value as is,
            // except 0/1 in a BOOLEAN column, which is what PostgreSQL's boolean holds
            Object value = rs.getObject(i);
            if (value instanceof Number n && typeName != null && typeName.toUpperCase(Locale.ROOT).contains("BOOL")
                    && (n.longValue() == 0 || n.longValue() == 1) && n.doubleValue() == n.longValue()) {
                return n.longValue() == 1;
            }
            return value;
        }
        String t = typeName.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "json", "jsonb", "text", "varchar", "bpchar" -> rs.getString(i);
            case "timestamp", "timestamptz" -> rs.getTimestamp(i);
            case "date" -> rs.getDate(i);
            default -> rs.getObject(i);
        };
    }

    private Set<String> listTables() throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        DatabaseMetaData md = connection.getMetaData();
        try (ResultSet rs = md.getTables(null, sqlite ? null : "public", "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        connection.close();
    }
}
