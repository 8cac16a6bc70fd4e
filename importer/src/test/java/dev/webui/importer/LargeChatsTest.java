package dev.webui.importer;

import dev.webui.core.db.DatabaseConnection;
import dev.webui.importer.fixture.OpenWebuiFixture.Vintage;
import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.Target;
import dev.webui.importer.source.SourceDatabase;
import dev.webui.importer.target.TargetDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Big chats (inline images) are committed in smaller batches than the row count alone would give. */
class LargeChatsTest {
    @TempDir
    static Path dir;
    static Target target;

    @BeforeAll
    static void setUp() {
        target = Target.create();
    }

    @AfterAll
    static void drop() {
        target.drop();
    }

    @Test
    void batchesAreCutBySizeAsWellAsByCount() throws Exception {
        Path db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32, false); // SQLite's json_set needs valid JSON
        String image = "data:image/png;base64," + "A".repeat(600_000);
        OpenWebuiFixture.execute(db, "UPDATE chat SET chat = json_set(chat, '$.files', json_array('" + image + "')) WHERE id <> 'c-broken'");
        AtomicLong chatBatches = new AtomicLong();
        try (SourceDatabase source = SourceDatabase.sqlite(db)) {
            new Importer(source, new TargetDatabase(DatabaseConnection.parse(target.database().url())),
                    new Importer.Options(false, null, null, 1_000_000), (table, batches) -> {
                        if (table.equals("chat")) {
                            chatBatches.set(batches);
                        }
                    }, new PrintStream(new ByteArrayOutputStream())).run();
        }
        // c-1 + c-snap pass 1,000,000 characters: first batch; c-legacy and c-broken: second (by count it would be one)
        assertEquals(2, chatBatches.get());
        assertEquals(600_022, target.row("SELECT length(chat->'files'->>0) AS n FROM chat WHERE id = 'c-1'").get("n"));
    }
}
