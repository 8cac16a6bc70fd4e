package dev.webui.importer;

import dev.webui.common.testing.TestDatabase;
import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.OpenWebuiFixture.Vintage;
import dev.webui.importer.fixture.Target;
import dev.webui.importer.report.Report;
import dev.webui.importer.source.SourceDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Open WebUI on PostgreSQL (Appendix A DDL) imports to exactly what the same data in webui.db gives. */
class PostgresSourceTest {
    @TempDir
    static Path dir;
    static TestDatabase openWebui;
    static Target fromPostgres;
    static Target fromSqlite;
    static Report report;

    @BeforeAll
    static void importBoth() throws Exception {
        openWebui = TestDatabase.create();
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("stringtype", "unspecified"); // fixture values are text; let PostgreSQL cast them as psycopg would
        try (Connection c = DriverManager.getConnection(openWebui.jdbcUrl(), p)) {
            OpenWebuiFixture.postgres(c);
        }
        fromPostgres = Target.create();
        try (SourceDatabase source = SourceDatabase.postgres(openWebui.jdbcUrl(), "postgres", null)) {
            report = fromPostgres.run(source, null, null, (t, b) -> { }, false);
        }
        fromSqlite = Target.create();
        fromSqlite.importSqlite(OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32, false), null, null);
    }

    @AfterAll
    static void drop() {
        fromPostgres.drop();
        fromSqlite.drop();
        openWebui.drop();
    }

    @Test
    void sameContentAsFromSqlite() throws Exception {
        assertTrue(fromPostgres.lastProgress.contains("a5c220713937"));
        assertEquals(fromSqlite.dump(), fromPostgres.dump());
        assertEquals(3, report.table("user").writtenCount());
        assertEquals(4, report.table("chat").writtenCount());
        assertEquals(Boolean.FALSE, fromPostgres.row("SELECT active FROM auth WHERE id = 'u-bob'").get("active"));
        assertEquals(OpenWebuiFixture.HASH, fromPostgres.row("SELECT password FROM auth WHERE id = 'u-admin'").get("password"));
    }
}
