package dev.webui.common.access;

import dev.webui.common.testing.TestDatabase;
import dev.webui.core.access.AccessCases;
import dev.webui.core.access.AccessMode;
import dev.webui.core.access.AccessSql;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The SQL form of the access rule on PostgreSQL against the same table of cases as the in-memory
 * check: each case becomes a note row (access_control stored as SQL NULL and as JSON null where
 * the case says null) and the caller's groups become group_member rows of the migrated schema.
 */
class AccessSqlTest {
    private static TestDatabase db;
    private static Connection connection;

    @BeforeAll
    static void schema() throws SQLException {
        db = TestDatabase.create();
        Flyway.configure().dataSource(db.jdbcUrl(), "postgres", null).locations("classpath:db/migration").load().migrate();
        connection = db.connect();
        // real $n bind parameters, as the services' reactive client sends them
        for (AccessMode mode : AccessMode.values()) {
            execute("PREPARE " + mode.name().toLowerCase() + "_note(text, boolean) AS SELECT "
                    + AccessSql.on("n").caller("$1").bypass("$2").allows(mode) + " FROM note n WHERE n.id = 'n'");
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        if (db != null) {
            db.drop();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheTableAsBoundParameters() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (AccessCases.Case c : AccessCases.fromClasspath().cases()) {
            for (String stored : storedForms(c)) {
                for (AccessMode mode : AccessMode.values()) {
                    tests.add(DynamicTest.dynamicTest(c.name() + " / " + stored + " / " + mode,
                            () -> assertEquals(c.expected(mode), allowed(c, stored, mode), c.name() + " stored as " + stored + ", " + mode)));
                }
            }
        }
        return tests.stream();
    }

    /** The channel-readers form: the object's access_control and owner are parameters, the caller a column of the user table. */
    @Test
    void expressionsOnBothSidesWork() throws SQLException {
        execute("INSERT INTO \"user\" (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at) VALUES "
                + "('r1', 'R1', 'r1@x', 'user', '', 0, 0, 0), ('r2', 'R2', 'r2@x', 'user', '', 0, 0, 0), "
                + "('r3', 'R3', 'r3@x', 'admin', '', 0, 0, 0)");
        execute("INSERT INTO \"group\" (id, name, created_at, updated_at) VALUES ('rg', 'rg', 0, 0)");
        execute("INSERT INTO group_member (group_id, user_id, created_at) VALUES ('rg', 'r2', 0)");
        execute("PREPARE readers(text, text, boolean) AS SELECT u.id FROM \"user\" u WHERE u.id LIKE 'r_' AND "
                + AccessSql.of("$1::jsonb", "$2").caller("u.id").bypass("($3 AND u.role = 'admin')").read() + " ORDER BY u.id");
        assertEquals(List.of("r1", "r2", "r3"), readers("{\"read\": {\"group_ids\": [\"rg\"]}}", "r1", true));
        assertEquals(List.of("r1", "r2"), readers("{\"read\": {\"group_ids\": [\"rg\"]}}", "r1", false));
        assertEquals(List.of("r1", "r2", "r3"), readers(null, "nobody", false), "public");
        assertEquals(List.of(), readers("{}", "nobody", false), "private, owned by someone else");
    }

    private static List<String> readers(String accessControl, String owner, boolean bypass) throws SQLException {
        try (Statement s = connection.createStatement()) {
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("EXECUTE readers(" + literal(accessControl) + ", " + literal(owner) + ", " + bypass + ")")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static List<String> storedForms(AccessCases.Case c) {
        return c.accessControl() == null || c.accessControl().isNull() ? List.of("SQL NULL", "JSON null") : List.of("jsonb");
    }

    private boolean allowed(AccessCases.Case c, String stored, AccessMode mode) throws SQLException {
        execute("DELETE FROM note; DELETE FROM group_member; DELETE FROM \"group\"");
        for (String group : c.groups()) {
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO \"group\" (id, name, created_at, updated_at) VALUES (?, ?, 0, 0); "
                    + "INSERT INTO group_member (group_id, user_id, created_at) VALUES (?, ?, 0)")) {
                s.setString(1, group);
                s.setString(2, group);
                s.setString(3, group);
                s.setString(4, c.caller());
                s.execute();
            }
        }
        // someone else in another group, so that an unrelated membership never grants
        execute("INSERT INTO \"group\" (id, name, created_at, updated_at) VALUES ('other-group', 'o', 0, 0); "
                + "INSERT INTO group_member (group_id, user_id, created_at) VALUES ('other-group', 'other-user', 0)");
        String value = switch (stored) {
            case "SQL NULL" -> null;
            case "JSON null" -> "null";
            default -> c.accessControl().toString();
        };
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO note (id, user_id, access_control) VALUES ('n', ?, ?::jsonb)")) {
            s.setString(1, c.owner());
            s.setString(2, value);
            s.execute();
        }
        try (Statement s = connection.createStatement()) {
            try (ResultSet rows = s.executeQuery("EXECUTE " + mode.name().toLowerCase() + "_note(" + literal(c.caller()) + ", " + c.bypass() + ")")) {
                rows.next();
                Object answer = rows.getObject(1);
                assertNotNull(answer, "the condition is never NULL");
                return (Boolean) answer;
            }
        }
    }

    /** EXECUTE takes no bind parameters of its own: its arguments are written as literals. */
    private static String literal(String text) {
        return text == null ? "NULL" : "'" + text.replace("'", "''") + "'";
    }

    private static void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
