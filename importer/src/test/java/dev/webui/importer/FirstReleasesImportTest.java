package dev.webui.importer;

import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.Target;
import dev.webui.importer.report.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An Open WebUI 0.1.x webui.db (peewee models, no migration table at all) imports with nothing dropped. */
class FirstReleasesImportTest {
    @TempDir
    Path dir;
    Target target;

    @BeforeEach
    void create() {
        target = Target.create();
    }

    @AfterEach
    void drop() {
        target.drop();
    }

    /** The tables of Open WebUI v0.1.102's peewee models, with one row each. */
    private Path v01() throws Exception {
        Path db = dir.resolve("webui-0.1.db");
        OpenWebuiFixture.execute(db,
                "CREATE TABLE user (id VARCHAR(255) NOT NULL, name VARCHAR(255) NOT NULL, email VARCHAR(255) NOT NULL, "
                        + "role VARCHAR(255) NOT NULL, profile_image_url VARCHAR(255) NOT NULL, timestamp DATE NOT NULL)",
                "CREATE TABLE auth (id VARCHAR(255) NOT NULL, email VARCHAR(255) NOT NULL, password VARCHAR(255) NOT NULL, active INTEGER NOT NULL)",
                "CREATE TABLE chat (id VARCHAR(255) NOT NULL, user_id VARCHAR(255) NOT NULL, title VARCHAR(255) NOT NULL, "
                        + "chat TEXT NOT NULL, timestamp DATE NOT NULL)",
                "CREATE TABLE chatidtag (id VARCHAR(255) NOT NULL, tag_name VARCHAR(255) NOT NULL, chat_id VARCHAR(255) NOT NULL, "
                        + "user_id VARCHAR(255) NOT NULL, timestamp DATE NOT NULL)",
                "CREATE TABLE tag (id VARCHAR(255) NOT NULL, name VARCHAR(255) NOT NULL, user_id VARCHAR(255) NOT NULL, data TEXT)",
                "CREATE TABLE modelfile (id INTEGER NOT NULL PRIMARY KEY, tag_name VARCHAR(255) NOT NULL, user_id VARCHAR(255) NOT NULL, "
                        + "modelfile TEXT NOT NULL, timestamp DATE NOT NULL)",
                "CREATE TABLE document (id INTEGER NOT NULL PRIMARY KEY, collection_name VARCHAR(255) NOT NULL, name VARCHAR(255) NOT NULL, "
                        + "title VARCHAR(255) NOT NULL, filename VARCHAR(255) NOT NULL, content TEXT, user_id VARCHAR(255) NOT NULL, "
                        + "timestamp DATE NOT NULL)",
                "CREATE TABLE prompt (id INTEGER NOT NULL PRIMARY KEY, command VARCHAR(255) NOT NULL, user_id VARCHAR(255) NOT NULL, "
                        + "title VARCHAR(255) NOT NULL, content TEXT NOT NULL, timestamp DATE NOT NULL)",
                "INSERT INTO user VALUES ('u-1', 'Early Adopter', 'early@example.com', 'admin', '/user.png', 1705000000)",
                "INSERT INTO auth VALUES ('u-1', 'early@example.com', '" + OpenWebuiFixture.HASH + "', 1)",
                "INSERT INTO chat VALUES ('c-1', 'u-1', 'Llamas', '{\"id\": \"\", \"title\": \"Llamas\", \"models\": [\"llama2:latest\"], "
                        + "\"messages\": [{\"id\": \"m1\", \"role\": \"user\", \"content\": \"Tell me about llamas\"}, "
                        + "{\"id\": \"m2\", \"parentId\": \"m1\", \"role\": \"assistant\", \"content\": \"They hum.\", \"model\": \"llama2:latest\"}], "
                        + "\"history\": {\"messages\": {\"m1\": {\"id\": \"m1\", \"parentId\": null, \"childrenIds\": [\"m2\"], \"role\": \"user\", "
                        + "\"content\": \"Tell me about llamas\", \"timestamp\": 1705000100}, \"m2\": {\"id\": \"m2\", \"parentId\": \"m1\", "
                        + "\"childrenIds\": [], \"role\": \"assistant\", \"content\": \"They hum.\", \"model\": \"llama2:latest\", "
                        + "\"timestamp\": 1705000101}}, \"currentId\": \"m2\"}, \"timestamp\": 1705000100000}', 1705000100)",
                "INSERT INTO chatidtag VALUES ('t-1', 'Animals', 'c-1', 'u-1', 1705000200)",
                "INSERT INTO tag VALUES ('8f2c6b1e-uuid', 'Animals', 'u-1', NULL)",
                "INSERT INTO modelfile VALUES (1, 'helper:latest', 'u-1', '{\"title\": \"Helper\", \"content\": \"FROM llama2\"}', 1705000300)",
                "INSERT INTO document VALUES (1, 'c0ffee', 'guide.pdf', 'Guide', 'guide.pdf', NULL, 'u-1', 1705000400)",
                "INSERT INTO prompt VALUES (1, '/hello', 'u-1', 'Hello', 'Say hello', 1705000500)");
        return db;
    }

    @Test
    void usersChatsTagsAndPromptsImportAndModelfilesAndDocumentsAreKept() throws Exception {
        Report report = target.importSqlite(v01(), null, null);
        assertTrue(target.lastProgress.contains("Source: Open WebUI 0.1.x"), target.lastProgress);
        assertEquals(OpenWebuiFixture.HASH, target.row("SELECT password FROM auth WHERE id = 'u-1'").get("password"));
        var user = target.row("SELECT role, is_primary_admin, created_at, last_active_at FROM \"user\" WHERE id = 'u-1'");
        assertEquals("admin", user.get("role"));
        assertEquals(1705000000L, user.get("created_at"));
        var chat = target.row("SELECT user_id, created_at, meta->'tags' AS tags FROM chat WHERE id = 'c-1'");
        assertEquals(1705000100L, chat.get("created_at"));
        assertEquals("[\"animals\"]", chat.get("tags").toString());
        assertEquals(List.of("user", "assistant"), target.rows("SELECT role FROM chat_message WHERE chat_id = 'c-1' ORDER BY position")
                .stream().map(r -> r.get("role")).toList());
        assertEquals("animals", target.row("SELECT id FROM tag WHERE user_id = 'u-1'").get("id"));
        assertEquals("Say hello", target.row("SELECT content FROM prompt WHERE command = '/hello'").get("content"));
        assertEquals("FROM llama2", target.row("SELECT data->'modelfile'->>'content' AS c FROM import_extra WHERE source_table = 'modelfile'").get("c"));
        assertEquals("guide.pdf", target.row("SELECT data->>'filename' AS f FROM import_extra WHERE source_table = 'document'").get("f"));
        assertEquals(1, report.table("extra:modelfile").writtenCount());
    }
}
