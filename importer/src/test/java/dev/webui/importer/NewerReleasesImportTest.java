package dev.webui.importer;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.webui.common.testing.TestDatabase;
import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.OpenWebuiFixture.Vintage;
import dev.webui.importer.fixture.SqliteToPostgres;
import dev.webui.importer.fixture.Target;
import dev.webui.importer.fixture.Upgrades;
import dev.webui.importer.fixture.Upgrades.Release;
import dev.webui.importer.report.Report;
import dev.webui.importer.source.SourceDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A webui.db of every release line after 0.6.34 (the 0.6.32 fixture upgraded revision by revision
 * with the data moves of each) imports to exactly what the 0.6.32 database gives, and what those
 * releases added is kept in import_extra.
 */
class NewerReleasesImportTest {
    @TempDir
    static Path dir;
    static Map<String, List<String>> baseline;
    /** One database, emptied before each import: creating and migrating one per release would double the time. */
    static Target target;

    @BeforeAll
    static void importThe0632Database() throws Exception {
        target = Target.create();
        target.importSqlite(OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32, false), null, null);
        baseline = withoutKnownDifferences(target.dump());
    }

    @AfterAll
    static void drop() {
        target.drop();
    }

    /** config: one rebuilt document instead of the row history; file access: 0.8+ keeps no difference between null and {}. */
    private static Map<String, List<String>> withoutKnownDifferences(Map<String, List<String>> dump) {
        dump.remove("config");
        dump.put("file", dump.get("file").stream().map(r -> r.replace("\"access_control\": {}", "\"access_control\": null")).toList());
        return dump;
    }

    @ParameterizedTest
    @EnumSource(Release.class)
    void importsLikeThe0632DatabaseAndKeepsWhatIsNew(Release release) throws Exception {
        Path db = Upgrades.sqlite(dir, release);
        target.reset();
        {
            Report report = target.importSqlite(db, null, null);
            assertTrue(target.lastProgress.contains(release.head), target.lastProgress);
            Map<String, List<String>> dump = withoutKnownDifferences(target.dump());
            for (String table : baseline.keySet()) {
                assertEquals(baseline.get(table), dump.get(table), release.name() + " " + table);
            }
            String hash = (String) target.row("SELECT password FROM auth WHERE id = 'u-alice'").get("password");
            assertTrue(BCrypt.verifyer().verify(OpenWebuiFixture.PASSWORD.toCharArray(), hash).verified, "alice signs in");
            assertEquals("sk-0123456789abcdef0123456789abcdef", target.row("SELECT api_key FROM \"user\" WHERE id = 'u-admin'").get("api_key"));
            assertEquals(List.of("u-alice", "u-bob"), target.rows("SELECT user_id FROM group_member WHERE group_id = 'g-1' "
                    + "AND user_id IN (SELECT id FROM \"user\") ORDER BY user_id").stream().map(r -> r.get("user_id")).toList());
            assertEquals("{\"file_ids\": [\"file-1\", \"file-3\"]}", target.row("SELECT data::text FROM knowledge WHERE id = 'k-1'").get("data"));
            assertTrue(report.table("group").readCount() == 1);
            extras(target, release);
        }
    }

    private static void extras(Target target, Release release) throws Exception {
        if (release.compareTo(Release.V0_6_41) >= 0) {
            Map<String, Object> alice = target.row("SELECT data::text FROM import_extra WHERE source_table = 'user' AND source_id = 'u-alice'");
            assertTrue(alice.get("data").toString().contains("\"timezone\": \"Europe/Paris\""), alice.toString());
            assertEquals(1L, target.row("SELECT count(*) AS n FROM import_extra WHERE source_table = 'api_key' AND source_id = 'key_u-admin'").get("n"));
            assertEquals("whsec-token", target.row("SELECT data->>'token' AS t FROM import_extra WHERE source_table = 'channel_webhook'").get("t"));
            assertEquals("kf-k-1-000", target.row("SELECT source_id FROM import_extra WHERE source_table = 'knowledge_file' "
                    + "AND data->>'file_id' = 'file-1'").get("source_id"));
            assertEquals("1700010100000000000", target.row("SELECT data->>'pinned_at' AS p FROM import_extra "
                    + "WHERE source_table = 'message' AND source_id = 'msg-1'").get("p"));
        }
        if (release.compareTo(Release.V0_8_0) >= 0) {
            assertEquals("[\"writing\"]", target.row("SELECT data->>'tags' AS t FROM import_extra WHERE source_table = 'prompt'").get("t"));
            assertEquals(1L, target.row("SELECT count(*) AS n FROM import_extra WHERE source_table = 'prompt_history'").get("n"));
            assertEquals("triage", target.row("SELECT data->>'name' AS n FROM import_extra WHERE source_table = 'skill'").get("n"));
            assertTrue(target.row("SELECT count(*) AS n FROM import_extra WHERE source_table = 'access_grant'").get("n") instanceof Long n && n > 0);
        }
        if (release.compareTo(Release.V0_9_0) >= 0) {
            assertEquals("c-1", target.row("SELECT data->>'chat_id' AS c FROM import_extra WHERE source_table = 'shared_chat' "
                    + "AND source_id = 'c-snap'").get("c"));
            assertEquals("A trip, planned", target.row("SELECT data->>'summary' AS s FROM import_extra WHERE source_table = 'chat' "
                    + "AND source_id = 'c-1'").get("s"));
            assertEquals("Morning news", target.row("SELECT data->>'name' AS n FROM import_extra WHERE source_table = 'automation'").get("n"));
            assertEquals("Personal", target.row("SELECT data->>'name' AS n FROM import_extra WHERE source_table = 'calendar'").get("n"));
        }
        if (release.compareTo(Release.V0_9_3) >= 0) {
            assertEquals("n-1", target.row("SELECT data->>'note_id' AS n FROM import_extra WHERE source_table = 'pinned_note'").get("n"));
        }
        if (release.compareTo(Release.V0_10_0) >= 0) {
            Map<String, Object> config = target.row("SELECT data::text AS d FROM config ORDER BY id DESC LIMIT 1");
            String document = config.get("d").toString();
            assertTrue(document.contains("\"openai\": {\"api_keys\": [\"sk-secret\"]}") && document.contains("\"ENABLE_LOGIN_FORM\": true")
                    && document.contains("\"rag\": {\"web\": {\"search\": {\"engine\": \"searxng\"}}}"), document);
            assertEquals("user wants a trip", target.row("SELECT data->>'context_summary' AS s FROM import_extra "
                    + "WHERE source_table = 'chat_message' AND source_id = 'c-1-m2'").get("s"));
            assertEquals("/travel", target.row("SELECT data->>'path' AS p FROM import_extra WHERE source_table = 'memory'").get("p"));
        }
        if (release == Release.V0_11_0) {
            assertEquals("{\"city\": \"Lyon\"}", target.row("SELECT data->'variables' AS v FROM import_extra WHERE source_table = 'chat' "
                    + "AND source_id = 'c-1'").get("v").toString());
        }
    }

    @Test
    void theSameReleaseOnPostgresqlImportsTheSame() throws Exception {
        Path db = Upgrades.sqlite(dir, Release.V0_11_0);
        TestDatabase openWebui = TestDatabase.create();
        target.reset();
        Target fromSqlite = target;
        Target fromPostgres = Target.create();
        try {
            Properties p = new Properties();
            p.setProperty("user", "postgres");
            try (Connection c = DriverManager.getConnection(openWebui.jdbcUrl(), p)) {
                SqliteToPostgres.copy(db, c);
            }
            fromSqlite.importSqlite(db, null, null);
            try (SourceDatabase source = SourceDatabase.postgres(openWebui.jdbcUrl(), "postgres", null)) {
                fromPostgres.run(source, null, null, (t, b) -> { }, false);
            }
            Map<String, List<String>> expected = fromSqlite.dump();
            Map<String, List<String>> actual = fromPostgres.dump();
            for (String table : expected.keySet()) {
                // the rebuilt settings document is stamped with the import time
                assertEquals(expected.get(table).stream().map(r -> r.replaceAll("\"(created|updated)_at\": \"[^\"]*\"", "")).toList(),
                        actual.get(table).stream().map(r -> r.replaceAll("\"(created|updated)_at\": \"[^\"]*\"", "")).toList(), table);
            }
            List<Object> extrasFromSqlite = fromSqlite.rows("SELECT source_table, source_id, data::text FROM import_extra ORDER BY 1, 2")
                    .stream().map(Object::toString).map(Object.class::cast).toList();
            List<Object> extrasFromPostgres = fromPostgres.rows("SELECT source_table, source_id, data::text FROM import_extra ORDER BY 1, 2")
                    .stream().map(Object::toString).map(Object.class::cast).toList();
            assertEquals(extrasFromSqlite.stream().filter(r -> !extrasFromPostgres.contains(r)).toList(),
                    extrasFromPostgres.stream().filter(r -> !extrasFromSqlite.contains(r)).toList());
        } finally {
            fromPostgres.drop();
            openWebui.drop();
        }
    }
}
