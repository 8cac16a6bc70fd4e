package dev.webui.common.db;

import dev.webui.common.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migrations as every service runs them: on an empty database, again, and from several services at once. */
class MigrationTest {

    private static Flyway flyway(TestDatabase db) {
        return Flyway.configure().dataSource(db.jdbcUrl(), "postgres", null).locations("classpath:db/migration").load();
    }

    @Test
    void appliesOnEmptyDatabaseAndIsANoOpTheSecondTime() throws Exception {
        TestDatabase db = TestDatabase.create();
        try {
            MigrateResult first = flyway(db).migrate();
            assertTrue(first.migrationsExecuted > 0);
            assertTrue(tables(db).containsAll(List.of("user", "auth", "chat", "chat_message", "folder", "file", "knowledge",
                    "model", "prompt", "memory", "note", "channel", "message", "config", "group", "group_member", "feedback", "tag")),
                    "tables: " + tables(db));
            MigrateResult second = flyway(db).migrate();
            assertEquals(0, second.migrationsExecuted);
            assertEquals(first.targetSchemaVersion, flyway(db).info().current().getVersion().getVersion());
        } finally {
            db.drop();
        }
    }

    @Test
    void concurrentServicesMigrateOnce() throws Exception {
        TestDatabase db = TestDatabase.create();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MigrateResult>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<MigrateResult> task = () -> {
                    start.await();
                    return flyway(db).migrate();
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int executed = 0;
            for (Future<MigrateResult> result : results) {
                executed += result.get().migrationsExecuted;
            }
            assertEquals(flyway(db).info().applied().length, executed, "each migration applied exactly once");
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT version) FROM flyway_schema_history WHERE success")) {
                rs.next();
                assertEquals(rs.getInt(1), rs.getInt(2));
            }
        } finally {
            pool.shutdownNow();
            db.drop();
        }
    }

    private static List<String> tables(TestDatabase db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
