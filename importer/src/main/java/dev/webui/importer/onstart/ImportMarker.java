package dev.webui.importer.onstart;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The {@code import_run} row of the automatic import, read and written while holding a session
 * advisory lock: whoever holds it decides alone whether to import. PostgreSQL releases the lock
 * when the connection ends, also when the process dies, so a crash never leaves it taken.
 */
final class ImportMarker implements AutoCloseable {
    /** "owimport" in ASCII: an advisory lock key no other part of the suite uses. */
    static final long LOCK_KEY = 0x6f77696d706f7274L;
    private static final String ID = "on-start";

    record Run(String source, long startedAt, Long finishedAt) {
    }

    private final Connection connection;

    private ImportMarker(Connection connection) {
        this.connection = connection;
    }

    /** Blocks until this process holds the lock, saying so when another one holds it. */
    static ImportMarker lock(Connection connection, PrintStream progress) throws SQLException {
        connection.setAutoCommit(true);
        if (!bool(connection, "SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            progress.println("import on start: another instance is importing; waiting for it to finish");
            bool(connection, "SELECT true FROM pg_advisory_lock(" + LOCK_KEY + ")");
        }
        return new ImportMarker(connection);
    }

    Optional<Run> find() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT source, started_at, finished_at FROM import_run WHERE id = ?")) {
            ps.setString(1, ID);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Run(rs.getString(1), rs.getLong(2), rs.getObject(3, Long.class)));
            }
        }
    }

    boolean hasUsers() throws SQLException {
        return bool(connection, "SELECT EXISTS (SELECT 1 FROM \"user\")");
    }

    void start(String source, long now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO import_run (id, source, started_at) VALUES (?, ?, ?)")) {
            ps.setString(1, ID);
            ps.setString(2, source);
            ps.setLong(3, now);
            ps.executeUpdate();
        }
    }

    void finish(String report, long now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE import_run SET finished_at = ?, report = ? WHERE id = ?")) {
            ps.setLong(1, now);
            ps.setString(2, report);
            ps.setString(3, ID);
            ps.executeUpdate();
        }
    }

    /** After a refusal nothing was imported: the database counts as never imported again. */
    void forget() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM import_run WHERE id = ?")) {
            ps.setString(1, ID);
            ps.executeUpdate();
        }
    }

    private static boolean bool(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
