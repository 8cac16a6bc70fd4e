package dev.webui.core.db;

import dev.webui.core.config.InvalidEnvironmentException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

class DatabaseConnectionTest {

    @Test
    void postgresqlUrlSplitsIntoReactiveAndJdbcForms() {
        DatabaseConnection db = DatabaseConnection.parse("postgresql://webui:s3cret@db.internal:6543/openwebui");
        assertEquals("webui", db.user());
        assertEquals("s3cret", db.password());
        assertEquals("postgresql://db.internal:6543/openwebui", db.reactiveUrl());
        assertEquals("jdbc:postgresql://db.internal:6543/openwebui", db.jdbcUrl());
        assertFalse(db.jdbcUrl().contains("s3cret"), "credentials never go into the JDBC URL");
    }

    @Test
    void postgresSchemeDefaultPortAndNoPassword() {
        DatabaseConnection db = DatabaseConnection.parse("postgres://root@localhost/webui");
        assertEquals(5432, db.port());
        assertNull(db.password());
        assertEquals("postgresql://localhost:5432/webui", db.reactiveUrl());
    }

    @Test
    void driverSuffixAndEncodedCredentials() {
        DatabaseConnection db = DatabaseConnection.parse("postgresql+psycopg2://us%40er:p%3Ass%2Fw%40rd@h:5432/d");
        assertEquals("us@er", db.user());
        assertEquals("p:ss/w@rd", db.password());
    }

    @Test
    void passwordWithAtSignInTheRawForm() {
        DatabaseConnection db = DatabaseConnection.parse("postgresql://u:p@ss@h:5432/d");
        assertEquals("p@ss", db.password());
        assertEquals("h", db.host());
    }

    @Test
    void ipv6Host() {
        DatabaseConnection db = DatabaseConnection.parse("postgresql://u:p@[::1]:5433/d");
        assertEquals("::1", db.host());
        assertEquals("postgresql://[::1]:5433/d", db.reactiveUrl());
    }

    @Test
    void queryOptionsReachBothClients() {
        DatabaseConnection db = DatabaseConnection.parse("postgresql://u:p@h:5432/d?sslmode=require&application_name=webui");
        assertEquals("require", db.sslMode().orElseThrow());
        assertEquals("jdbc:postgresql://h:5432/d?sslmode=require&ApplicationName=webui", db.jdbcUrl());
    }

    @Test
    void malformedUrlsAreRejectedWithTheReason() {
        assertMessage("postgresql://u:p@h:5432", "names no database");
        assertMessage("mysql://u:p@h/d", "postgresql://");
        assertMessage("postgresql://u:p@h:abc/d", "port");
        assertMessage("postgresql://u:p@h/d?sslmode=maybe", "sslmode");
        assertMessage("postgresql://u:p@h/d?foo=1", "'foo' is not supported");
        assertMessage("sqlite:///app/backend/data/webui.db", "SQLite");
        assertMessage("localhost:5432/d", "no scheme");
        assertMessage("postgresql://h:5432/d", "names no user");
    }

    @Test
    void malformedUrlMessageMasksThePassword() {
        InvalidEnvironmentException e = assertThrows(InvalidEnvironmentException.class,
                () -> DatabaseConnection.parse("postgresql://u:topsecret@h:99999/d"));
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
    }

    @Test
    void splitFormAsOpenWebuiAcceptsIt() {
        DatabaseConnection db = DatabaseConnection.fromEnvironment(env(Map.of("DATABASE_TYPE", "postgresql", "DATABASE_USER", "webui",
                "DATABASE_PASSWORD", "pw", "DATABASE_HOST", "pg", "DATABASE_PORT", "5433", "DATABASE_NAME", "owui")));
        assertEquals("postgresql://pg:5433/owui", db.reactiveUrl());
        assertEquals("pw", db.password());
        assertThrows(InvalidEnvironmentException.class, () -> DatabaseConnection.fromEnvironment(
                env(Map.of("DATABASE_TYPE", "sqlite", "DATABASE_HOST", "x"))));
        assertThrows(InvalidEnvironmentException.class, () -> DatabaseConnection.fromEnvironment(
                env(Map.of("DATABASE_TYPE", "postgresql", "DATABASE_HOST", "pg"))));
    }

    @Test
    void urlWinsOverSplitForm() {
        DatabaseConnection db = DatabaseConnection.fromEnvironment(env(Map.of("DATABASE_URL", "postgresql://a@one/x",
                "DATABASE_TYPE", "postgresql", "DATABASE_HOST", "two", "DATABASE_USER", "b", "DATABASE_NAME", "y")));
        assertEquals("one", db.host());
    }

    @Test
    void nothingConfiguredSaysWhatToSet() {
        assertTrue(assertThrows(InvalidEnvironmentException.class, () -> DatabaseConnection.fromEnvironment(env(Map.of())))
                .getMessage().contains("DATABASE_URL="));
    }

    private static void assertMessage(String url, String expected) {
        InvalidEnvironmentException e = assertThrows(InvalidEnvironmentException.class, () -> DatabaseConnection.parse(url));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("DATABASE_URL"), e.getMessage());
    }

    private static java.util.function.Function<String, String> env(Map<String, String> values) {
        return values::get;
    }
}
