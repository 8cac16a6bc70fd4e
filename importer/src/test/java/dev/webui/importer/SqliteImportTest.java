package dev.webui.importer;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.importer.files.UploadCopier;
import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.Target;
import dev.webui.importer.report.Report;
import dev.webui.importer.report.TableReport;
import dev.webui.importer.value.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dirty Open WebUI 0.6.32 webui.db with uploads, imported into a fresh database, field by field. */
class SqliteImportTest {
    @TempDir
    static Path dir;
    static Target target;
    static Path uploadDir;
    static Report first;
    static Report second;
    static Map<String, List<String>> afterFirst;
    static Map<String, List<String>> afterSecond;

    @BeforeAll
    static void importTwice() throws Exception {
        target = Target.create();
        Path db = OpenWebuiFixture.sqlite(dir, OpenWebuiFixture.Vintage.V0_6_32);
        Path uploads = OpenWebuiFixture.uploads(dir);
        uploadDir = Files.createDirectories(dir.resolve("suite-uploads")).toRealPath();
        first = target.importSqlite(db, uploads, uploadDir);
        afterFirst = target.dump();
        second = target.importSqlite(db, uploads, uploadDir);
        afterSecond = target.dump();
    }

    @AfterAll
    static void drop() {
        target.drop();
    }

    static JsonNode json(Object text) throws Exception {
        return text == null ? null : Json.parse(text.toString());
    }

    static TableReport t(String table) {
        return first.table(table);
    }

    @Test
    void usersArrivePseudoUsersDoNotAndDirtyValuesAreRepaired() throws Exception {
        assertEquals(4, t("user").readCount());
        assertEquals(3, t("user").writtenCount());
        assertEquals(1, t("user").skippedCount("pseudo user of a shared chat (shared-<chat id>), not an account"));

        Map<String, Object> admin = target.row("SELECT * FROM \"user\" WHERE id = 'u-admin'");
        assertEquals("Ada Admin", admin.get("name"));
        assertEquals("admin@example.com", admin.get("email"));
        assertEquals("admin", admin.get("role"));
        assertEquals("sk-0123456789abcdef0123456789abcdef", admin.get("api_key"));
        assertEquals(1700000000L, admin.get("created_at"));
        assertEquals(1700000050L, admin.get("updated_at"));
        assertEquals(1700000900L, admin.get("last_active_at"));
        assertEquals(json("{\"ui\": {\"models\": [\"gpt-4o\"], \"notifications\": {\"webhook_url\": \"https://hooks.example/x\"}}}"), json(admin.get("settings")));
        assertNull(admin.get("info"), "JSON null becomes SQL NULL");
        assertEquals("ada", admin.get("username"));
        assertEquals("Runs the place", admin.get("bio"));
        assertEquals(java.sql.Date.valueOf(LocalDate.of(1985, 12, 10)), admin.get("date_of_birth"));
        assertEquals(true, admin.get("is_primary_admin"));

        Map<String, Object> alice = target.row("SELECT * FROM \"user\" WHERE id = 'u-alice'");
        assertEquals("Alice", alice.get("name"), "NUL removed");
        assertEquals("data:image/png;base64,iVBORw0KGgo=", alice.get("profile_image_url"));
        assertEquals(1700000300L, alice.get("last_active_at"), "milliseconds converted to seconds");
        assertNull(alice.get("settings"), "invalid JSON becomes NULL");
        assertEquals(json("{\"location\": \"Lyon\"}"), json(alice.get("info")));
        assertEquals("oidc@alice-sub", alice.get("oauth_sub"));
        assertEquals(OpenWebuiFixture.LONG_USERNAME.substring(0, 50), alice.get("username"));
        assertEquals(50, ((String) alice.get("username")).codePointCount(0, ((String) alice.get("username")).length()));
        assertNull(alice.get("date_of_birth"));
        assertEquals(false, alice.get("is_primary_admin"));
        assertEquals(1, t("user").repairedCount("username longer than 50 characters, truncated"));
        assertEquals(1, t("user").repairedCount("invalid JSON in settings, set to null"));
        assertEquals(1, t("user").repairedCount("NUL bytes removed from name"));
        assertEquals(1, t("user").repairedCount("last_active_at in the wrong unit, converted to seconds"));
        assertEquals(1, t("user").repairedCount("date_of_birth not a date, set to null"));

        Map<String, Object> bob = target.row("SELECT * FROM \"user\" WHERE id = 'u-bob'");
        assertEquals("pending", bob.get("role"), "unknown role");
        assertEquals(1700000400L, bob.get("created_at"), "integer stored as text");
        assertNull(bob.get("settings"));
    }

    @Test
    void bcryptHashIsKeptByteForByteAndStillVerifies() throws Exception {
        for (Map<String, Object> auth : target.rows("SELECT * FROM auth ORDER BY id")) {
            byte[] stored = ((String) auth.get("password")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertArrayEquals(OpenWebuiFixture.HASH.getBytes(java.nio.charset.StandardCharsets.UTF_8), stored);
            assertTrue(BCrypt.verifyer().verify(OpenWebuiFixture.PASSWORD.toCharArray(), (String) auth.get("password")).verified);
        }
        assertTrue(OpenWebuiFixture.HASH.startsWith("$2b$12$"));
        assertEquals(List.of("u-admin", "u-alice", "u-bob"),
                target.rows("SELECT id FROM auth ORDER BY id").stream().map(r -> r.get("id")).toList());
        assertEquals("alice@example.com", target.row("SELECT email FROM auth WHERE id = 'u-alice'").get("email"));
        assertEquals(false, target.row("SELECT active FROM auth WHERE id = 'u-bob'").get("active"));
        assertEquals(1, t("auth").skippedCount("no such user (missing, pseudo user or skipped)"));
        assertEquals(1, t("auth").repairedCount("auth e-mail differed from the user's, set to the user's"));
    }

    @Test
    void oauthSessionsOfMissingUsersAreSkipped() throws Exception {
        Map<String, Object> s = target.row("SELECT * FROM oauth_session");
        assertEquals("os-1", s.get("id"));
        assertEquals("gAAAAAB-fernet", s.get("token"));
        assertEquals(1800000000L, s.get("expires_at"));
        assertEquals(1, t("oauth_session").skippedCount());
    }

    @Test
    void chatTreeIsSplitIntoBlobAndMessageRows() throws Exception {
        Map<String, Object> chat = target.row("SELECT * FROM chat WHERE id = 'c-1'");
        assertEquals("u-alice", chat.get("user_id"));
        assertEquals("Trip plan", chat.get("title"));
        assertEquals("c-snap", chat.get("share_id"));
        assertEquals(false, chat.get("archived"));
        assertEquals(true, chat.get("pinned"));
        assertEquals("f-1", chat.get("folder_id"));
        assertEquals(1700001000L, chat.get("created_at"));
        assertEquals(1700001100L, chat.get("updated_at"));
        assertEquals(json("{\"tags\": [\"work\", \"travel_plans\"], \"extra\": 1}"), json(chat.get("meta")));
        assertEquals(json("{\"id\": \"\", \"title\": \"Trip plan\", \"models\": [\"gpt-4o\"], \"params\": {}, "
                        + "\"history\": {\"currentId\": \"m3\"}, \"tags\": [], \"timestamp\": 1700001000000, \"files\": [], \"score\": null}"),
                json(chat.get("chat")));

        List<Map<String, Object>> rows = target.rows("SELECT * FROM chat_message WHERE chat_id = 'c-1' ORDER BY position");
        assertEquals(3, rows.size(), "the node that is not an object is dropped");
        Map<String, Object> m1 = rows.get(0);
        assertEquals("m1", m1.get("id"));
        assertEquals(0, m1.get("position"));
        assertNull(m1.get("parent_id"));
        assertEquals("user", m1.get("role"));
        assertEquals("Plan a trip", m1.get("content"), "U+0000 escape removed");
        assertNull(m1.get("model"));
        assertNull(m1.get("done"));
        assertEquals(1700001000L, m1.get("timestamp"));
        assertEquals(json("{\"parentId\": null, \"childrenIds\": [\"m2\", \"m3\"], \"models\": [\"gpt-4o\"]}"), json(m1.get("data")));
        assertEquals(1700001100L, m1.get("created_at"));
        assertEquals(1700001100L, m1.get("updated_at"));

        Map<String, Object> m2 = rows.get(1);
        assertEquals("m1", m2.get("parent_id"));
        assertEquals("assistant", m2.get("role"));
        assertEquals("Day 1", m2.get("content"));
        assertEquals("gpt-4o", m2.get("model"));
        assertEquals(true, m2.get("done"));
        assertEquals(1700001005L, m2.get("timestamp"));
        assertEquals(json("{\"childrenIds\": [], \"modelName\": \"GPT-4o\", \"usage\": {\"total_tokens\": 12}}"), json(m2.get("data")));

        Map<String, Object> m3 = rows.get(2);
        assertEquals("m3", m3.get("id"));
        assertNull(m3.get("done"), "a non-boolean done stays in data");
        assertNull(m3.get("timestamp"), "a fractional timestamp stays in data");
        assertEquals(json("{\"id\": \"other-id\", \"childrenIds\": [], \"done\": \"yes\", \"timestamp\": 1700001006.5, "
                + "\"sources\": [{\"source\": {\"name\": \"a.pdf\"}}]}"), json(m3.get("data")));
        assertEquals(2, t("chat").repairedCount("message node that is not an object dropped"), "c-1 and its snapshot");
        assertEquals(2, t("chat").repairedCount("NaN/Infinity in chat set to null"));
    }

    @Test
    void reassemblyGivesBackEveryNodeOfTheSourceTree() throws Exception {
        String source;
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("webui-V0_6_32.db"));
             var rs = c.createStatement().executeQuery("SELECT chat FROM chat WHERE id = 'c-1'")) {
            rs.next();
            source = rs.getString(1).replace("\\u0000", "").replace("NaN", "null");
        }
        com.fasterxml.jackson.databind.node.ObjectNode expected = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(source);
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) expected.get("history").get("messages");
        tree.remove("m4"); // not an object: dropped and reported
        expected.set("messages", dev.webui.importer.fixture.Reassembly.path(tree, expected.get("history").get("currentId")));

        for (String id : List.of("c-1", "c-snap")) {
            com.fasterxml.jackson.databind.node.ObjectNode actual = dev.webui.importer.fixture.Reassembly.chat(target, id);
            // compared as JSON text semantics: a long column read back is a LongNode where the source had an IntNode
            assertEquals(Json.parse(Json.write(expected)), Json.parse(Json.write(actual)), id);
            assertEquals(List.of("m1", "m2", "m3"), iterator(actual.get("history").get("messages").fieldNames()), "node order kept");
            assertEquals(List.of("m1", "other-id"), actual.get("messages").findValuesAsText("id"), "path to currentId m3");
        }
    }

    private static List<String> iterator(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void shareSnapshotsOfPseudoUsersImportLikeAnyChat() throws Exception {
        Map<String, Object> snap = target.row("SELECT * FROM chat WHERE id = 'c-snap'");
        assertEquals("shared-c-1", snap.get("user_id"));
        assertEquals(false, snap.get("pinned"), "NULL pinned becomes false");
        assertEquals(3L, target.row("SELECT count(*) AS n FROM chat_message WHERE chat_id = 'c-snap'").get("n"));
    }

    @Test
    void legacyChatWithOnlyMessagesBecomesATreeWithStableIds() throws Exception {
        Map<String, Object> chat = target.row("SELECT * FROM chat WHERE id = 'c-legacy'");
        assertEquals(true, chat.get("archived"));
        assertEquals(1704164645L, chat.get("created_at"), "a date-time text becomes epoch seconds (UTC)");
        assertEquals(1704164645L, chat.get("updated_at"), "milliseconds become seconds");
        assertEquals(json("{}"), json(chat.get("meta")), "a meta that is not an object becomes {}");
        List<Map<String, Object>> rows = target.rows("SELECT * FROM chat_message WHERE chat_id = 'c-legacy' ORDER BY position");
        assertEquals(3, rows.size());
        assertEquals("a", rows.get(0).get("id"));
        String id1 = (String) rows.get(1).get("id");
        String id2 = (String) rows.get(2).get("id");
        assertFalse(id1.equals(id2));
        assertEquals(5, UUID.fromString(id1).version());
        assertEquals(5, UUID.fromString(id2).version(), "a repeated id gets a fresh one");
        assertEquals("a", rows.get(1).get("parent_id"));
        assertEquals(id1, rows.get(2).get("parent_id"));
        assertEquals("again", rows.get(2).get("content"));
        assertEquals(json("{\"childrenIds\": [\"" + id1 + "\"], \"parentId\": null}"), json(rows.get(0).get("data")));
        assertEquals(json("{\"title\": \"Old chat\", \"history\": {\"currentId\": \"" + id2 + "\"}}"), json(chat.get("chat")));
    }

    @Test
    void unreadableChatJsonBecomesAnEmptyBlobAndOrphanChatsImport() throws Exception {
        Map<String, Object> chat = target.row("SELECT * FROM chat WHERE id = 'c-broken'");
        assertEquals("u-gone", chat.get("user_id"));
        assertEquals(json("{}"), json(chat.get("chat")));
        assertEquals(1, t("chat").repairedCount("invalid JSON in chat, set to null"));
    }

    @Test
    void tagsFoldersAndGroupMembers() throws Exception {
        assertEquals(List.of("travel_plans", "work"), target.rows("SELECT id FROM tag WHERE user_id = 'u-alice' ORDER BY id")
                .stream().map(r -> r.get("id")).toList());
        Map<String, Object> folder = target.row("SELECT * FROM folder");
        assertEquals("u-alice", folder.get("user_id"));
        assertEquals(true, folder.get("is_expanded"));
        assertNull(folder.get("items"));
        assertEquals(json("{\"icon\": \"📁\"}"), json(folder.get("meta")));
        assertEquals(json("{\"system_prompt\": \"Be brief\", \"files\": []}"), json(folder.get("data")));
        assertEquals(1, t("folder").skippedCount("folder id already used by another user's folder"));

        Map<String, Object> group = target.row("SELECT * FROM \"group\"");
        assertEquals("Staff", group.get("name"));
        assertNull(group.get("data"));
        assertEquals(json("{\"workspace\": {\"models\": true}}"), json(group.get("permissions")));
        List<Map<String, Object>> members = target.rows("SELECT * FROM group_member ORDER BY user_id");
        assertEquals(List.of("u-alice", "u-bob", "u-deleted"), members.stream().map(r -> r.get("user_id")).toList());
        assertEquals(1700000700L, members.get(0).get("created_at"));
        assertEquals(1, t("group_member").skippedCount("member id that is not a string: 42"));
        assertEquals(1, t("group_member").skippedCount("listed twice in the group"));
    }

    @Test
    void filesAreCopiedVerifiedAndRemapped() throws Exception {
        Map<String, Object> f1 = target.row("SELECT * FROM file WHERE id = 'file-1'");
        Path stored = uploadDir.resolve("file-1");
        assertEquals(stored.toString(), f1.get("path"));
        assertEquals(OpenWebuiFixture.REPORT_TEXT, Files.readString(stored));
        assertEquals(HexFormat.of().formatHex(UploadCopier.sha256(stored)), f1.get("hash"), "file-service's meaning: SHA-256 of the bytes");
        assertEquals(OpenWebuiFixture.sha256(OpenWebuiFixture.REPORT_TEXT), json(f1.get("meta")).path("openwebui_hash").textValue());
        assertEquals("report.txt", f1.get("filename"));
        assertNull(f1.get("access_control"));
        assertEquals(json("{\"status\": \"completed\", \"content\": \"Quarterly report\\nrevenue up\\n\"}"), json(f1.get("data")));

        Map<String, Object> f2 = target.row("SELECT * FROM file WHERE id = 'file-2'");
        assertEquals("s3://bucket/uploads/file-2_big.pdf", f2.get("path"));
        assertEquals(json("{}"), json(f2.get("access_control")), "{} (private) stays {}");
        assertNull(f2.get("hash"), "no bytes, no hash");

        Map<String, Object> f3 = target.row("SELECT * FROM file WHERE id = 'file-3'");
        assertEquals(uploadDir.resolve("file-3").toString(), f3.get("path"), "pre-0.5 row: found via meta.path");
        assertArrayEquals(Files.readAllBytes(dir.resolve("uploads/file-3_notes.md")), Files.readAllBytes(uploadDir.resolve("file-3")));
        assertArrayEquals(UploadCopier.sha256(dir.resolve("uploads/file-3_notes.md")), UploadCopier.sha256(uploadDir.resolve("file-3")));
        assertEquals(HexFormat.of().formatHex(UploadCopier.sha256(dir.resolve("uploads/file-3_notes.md"))), f3.get("hash"),
                "the text hash 'deadbeef' is replaced by the bytes' SHA-256");
        assertEquals("deadbeef", json(f3.get("meta")).path("openwebui_hash").textValue(), "Open WebUI's hash kept under meta");
        assertEquals("completed", json(f3.get("data")).path("status").textValue(), "queued for file-service's re-index");
        assertEquals(1, t("file").repairedCount("extracted text without data.status, marked completed so that the re-index embeds it"));

        Map<String, Object> f4 = target.row("SELECT * FROM file WHERE id = 'file-4'");
        assertEquals("/app/backend/data/uploads/file-4_gone.txt", f4.get("path"), "missing bytes: path left as it was");
        assertFalse(Files.exists(uploadDir.resolve("file-4")));
        assertNull(f4.get("hash"), "bytes not copied: no hash of them");
        assertEquals(1, t("file").repairedCount("bytes not found in the uploads directory, path left as it was"));
        assertEquals(1, t("file").repairedCount("hash does not match the extracted text, kept as it was"));
        assertEquals(1, t("file").repairedCount("meta.size differs from the bytes found, kept as it was"));
        try (var files = Files.list(uploadDir)) {
            assertEquals(List.of("file-1", "file-3"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no partial copies or unreferenced files");
        }
        assertEquals(HexFormat.of().formatHex(UploadCopier.sha256(stored)), OpenWebuiFixture.sha256(OpenWebuiFixture.REPORT_TEXT));
    }

    @Test
    void workspaceTables() throws Exception {
        Map<String, Object> k = target.row("SELECT * FROM knowledge");
        assertEquals(json("{\"file_ids\": [\"file-1\", \"file-3\"]}"), json(k.get("data")));
        assertEquals("Quarterlies", k.get("description"));
        assertEquals(1700004010L, k.get("updated_at"));

        Map<String, Object> m = target.row("SELECT * FROM model WHERE id = 'my-gpt'");
        assertEquals(json("{\"description\": \"Helpful\", \"capabilities\": {\"vision\": true}, \"custom\": [1, 2]}"), json(m.get("meta")));
        assertEquals(json("{}"), json(m.get("params")), "null params become {}");
        assertEquals("gpt-4o", m.get("base_model_id"));
        assertEquals(true, m.get("is_active"));
        Map<String, Object> broken = target.row("SELECT * FROM model WHERE id = 'broken-model'");
        assertEquals(json("{}"), json(broken.get("meta")));
        assertEquals(json("{\"temperature\": 0.2}"), json(broken.get("params")));
        assertEquals(false, broken.get("is_active"));

        Map<String, Object> p = target.row("SELECT * FROM prompt");
        assertEquals("/summarize", p.get("command"));
        assertEquals("Summarize {{CLIPBOARD}}", p.get("content"));
        assertEquals(1700006000L, p.get("timestamp"));

        Map<String, Object> mem = target.row("SELECT * FROM memory");
        assertEquals("Likes trains", mem.get("content"));
        assertEquals(1700007000L, mem.get("created_at"));
        assertEquals(1700007001L, mem.get("updated_at"));

        Map<String, Object> tool = target.row("SELECT * FROM tool");
        assertEquals("class Tools:\n    pass\n", tool.get("content"));
        assertEquals(json("[{\"name\": \"search\"}]"), json(tool.get("specs")));
        assertNull(tool.get("valves"));

        assertEquals("my_filter", target.row("SELECT id FROM function").get("id"));
        assertEquals(1, t("function").skippedCount("type 'widget' is not filter, pipe or action"));

        Map<String, Object> fb = target.row("SELECT * FROM feedback");
        assertEquals(0L, fb.get("version"));
        assertEquals(json("{\"chat\": {\"id\": \"c-1\"}}"), json(fb.get("snapshot")));
    }

    @Test
    void notesChannelsMessagesAndReactionsKeepNanoseconds() throws Exception {
        Map<String, Object> n1 = target.row("SELECT * FROM note WHERE id = 'n-1'");
        assertEquals(1700009000123456789L, n1.get("created_at"));
        assertEquals(json("{}"), json(n1.get("access_control")));
        Map<String, Object> n2 = target.row("SELECT * FROM note WHERE id = 'n-2'");
        assertEquals(1700009100000000000L, n2.get("created_at"), "seconds converted to nanoseconds");
        assertEquals(1700009100000000000L, n2.get("updated_at"), "milliseconds converted to nanoseconds");

        assertEquals(1700010000000000000L, target.row("SELECT created_at FROM channel").get("created_at"));
        assertEquals("u-alice", target.row("SELECT user_id FROM channel_member").get("user_id"));
        Map<String, Object> msg2 = target.row("SELECT * FROM message WHERE id = 'msg-2'");
        assertEquals("msg-1", msg2.get("parent_id"));
        assertEquals("msg-1", msg2.get("reply_to_id"));
        assertEquals("ch-gone", target.row("SELECT channel_id FROM message WHERE id = 'msg-3'").get("channel_id"),
                "messages of a deleted channel are kept");

        assertEquals(List.of("r-1", "r-2"), target.rows("SELECT id FROM message_reaction ORDER BY id").stream().map(r -> r.get("id")).toList(),
                "the earliest of duplicate reactions wins");
        assertEquals(1, t("message_reaction").skippedCount("duplicate of an earlier reaction (same message, user and emoji)"));
    }

    @Test
    void configRowsKeepTheirIdsAndTheSequenceMovesPastThem() throws Exception {
        List<Map<String, Object>> rows = target.rows("SELECT * FROM config ORDER BY id");
        assertEquals(2, rows.size());
        assertEquals(json("{\"version\": 0, \"ui\": {\"enable_signup\": false}, \"openai\": {\"api_keys\": [\"sk-secret\"]}}"),
                json(rows.get(1).get("data")));
        assertEquals(Timestamp.valueOf("2024-02-01 10:00:00.123456"), rows.get(1).get("created_at"));
        assertEquals(2L, target.row("SELECT last_value FROM config_id_seq").get("last_value"));
    }

    @Test
    void secondImportChangesNothing() {
        assertEquals(afterFirst, afterSecond);
        for (TableReport table : second.tables().values()) {
            assertEquals(0, table.writtenCount(), table.table() + " written again");
        }
        assertEquals(t("chat").readCount() - t("chat").skippedCount(), second.table("chat").presentCount());
        assertEquals(t("chat_message").writtenCount(), second.table("chat_message").presentCount());
    }

    @Test
    void reportAddsUp() {
        for (TableReport table : first.tables().values()) {
            assertEquals(table.readCount(), table.writtenCount() + table.skippedCount(), table.table() + ": read = written + skipped");
        }
        assertEquals(4, t("chat").writtenCount());
        assertEquals(3 + 3 + 3, t("chat_message").writtenCount());
    }
}
