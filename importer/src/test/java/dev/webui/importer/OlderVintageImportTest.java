package dev.webui.importer;

import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.OpenWebuiFixture.Vintage;
import dev.webui.importer.fixture.Target;
import dev.webui.importer.report.Report;
import dev.webui.importer.value.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 0.5.x (no note/oauth_session, no later columns), 0.4.x (tags still in chatidtag) and 0.3.x
 * databases from before alembic (peewee's tables only).
 */
class OlderVintageImportTest {
    @TempDir
    static Path dir;
    static Target v05;
    static Target v04;
    static Report v05Report;
    static Report v04Report;
    static String v05Progress;
    static Target v03;
    static Report v03Report;
    static String v03Progress;
    static Path v03Uploads;

    @BeforeAll
    static void importBoth() throws Exception {
        v05 = Target.create();
        v05Report = v05.importSqlite(OpenWebuiFixture.sqlite(dir, Vintage.V0_5), null, null);
        v05Progress = v05.lastProgress;
        v04 = Target.create();
        v04Report = v04.importSqlite(OpenWebuiFixture.sqlite(dir, Vintage.V0_4), null, null);
        v03 = Target.create();
        v03Uploads = java.nio.file.Files.createDirectories(dir.resolve("suite-uploads")).toRealPath();
        v03Report = v03.importSqlite(OpenWebuiFixture.sqlite(dir, Vintage.V0_3_PEEWEE), OpenWebuiFixture.uploads(dir), v03Uploads);
        v03Progress = v03.lastProgress;
    }

    @AfterAll
    static void drop() {
        v05.drop();
        v04.drop();
        v03.drop();
    }

    @Test
    void missingTablesAreReportedAndMissingColumnsAreNull() throws Exception {
        assertTrue(v05Progress.contains("Open WebUI 0.5.20–0.6.5 (3781e22d8b01)"), v05Progress);
        assertTrue(v05Progress.matches("(?s).*note\\s+not in this Open WebUI version.*"), v05Progress);
        assertFalse(v05Report.tables().containsKey("note"));
        assertEquals(0L, v05.row("SELECT count(*) AS n FROM oauth_session").get("n"));
        Map<String, Object> admin = v05.row("SELECT * FROM \"user\" WHERE id = 'u-admin'");
        assertNull(admin.get("username"));
        assertNull(admin.get("bio"));
        assertNull(admin.get("date_of_birth"));
        assertEquals("Ada Admin", admin.get("name"));
        assertNull(v05.row("SELECT data FROM folder").get("data"));
        assertNull(v05.row("SELECT reply_to_id FROM message WHERE id = 'msg-2'").get("reply_to_id"));
        assertEquals("msg-1", v05.row("SELECT parent_id FROM message WHERE id = 'msg-2'").get("parent_id"));
        assertEquals(9L, v05.row("SELECT count(*) AS n FROM chat_message").get("n"));
    }

    @Test
    void tagsOfDatabasesBeforeTheFoldComeFromChatidtag() throws Exception {
        Map<String, Object> chat = v04.row("SELECT * FROM chat WHERE id = 'c-1'");
        assertEquals(true, chat.get("pinned"), "the 'pinned' tag became the flag");
        assertEquals(Json.parse("{\"tags\": [\"work\", \"travel_plans\"]}"), Json.parse((String) chat.get("meta")));
        assertNull(chat.get("folder_id"));
        assertEquals(Json.parse("{}"), Json.parse((String) v04.row("SELECT meta FROM chat WHERE id = 'c-legacy'").get("meta")));
        assertEquals(List.of("travel_plans", "work"), v04.rows("SELECT id FROM tag ORDER BY id").stream().map(r -> r.get("id")).toList(),
                "old tag ids are replaced by normalised names");
        assertEquals(0L, v04.row("SELECT count(*) AS n FROM folder").get("n"));
        assertFalse(v04Report.tables().containsKey("group"));
    }

    @Test
    void peeweeEraDatabasesImportWithTheirOldFileRows() throws Exception {
        assertTrue(v03Progress.contains("Open WebUI 0.3.x before alembic") && v03Progress.contains("018_add_function_is_global"), v03Progress);
        for (String table : List.of("knowledge", "config", "folder", "note")) {
            assertTrue(v03Progress.matches("(?s).*" + table + "\\s+not in this Open WebUI version.*"), table + ": " + v03Progress);
        }
        assertEquals(OpenWebuiFixture.HASH, v03.row("SELECT password FROM auth WHERE id = 'u-admin'").get("password"));
        assertEquals(v04.dump().get("chat"), v03.dump().get("chat"), "chats and tags as from 0.4");
        assertEquals(v04.dump().get("chat_message"), v03.dump().get("chat_message"));
        Map<String, Object> f1 = v03.row("SELECT * FROM file WHERE id = 'file-1'");
        assertEquals(v03Uploads.resolve("file-1").toString(), f1.get("path"), "no path column: found as <id>_<filename>");
        assertEquals(OpenWebuiFixture.REPORT_TEXT, java.nio.file.Files.readString(v03Uploads.resolve("file-1")));
        assertNull(f1.get("access_control"));
        assertEquals(v03Uploads.resolve("file-3").toString(), v03.row("SELECT path FROM file WHERE id = 'file-3'").get("path"),
                "found through meta.path");
        Map<String, Object> model = v03.row("SELECT is_active, access_control FROM model WHERE id = 'my-gpt'");
        assertEquals(true, model.get("is_active"), "column added later: its default");
        assertNull(model.get("access_control"));
        assertEquals(v03Report.table("user").readCount(), v04Report.table("user").readCount());
    }
}
