package dev.webui.importer;

import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.OpenWebuiFixture.Vintage;
import dev.webui.importer.fixture.Target;
import dev.webui.importer.report.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A run that dies after a committed batch of chats, rerun: the result equals one uninterrupted import. */
class ResumeAfterCrashTest {
    static final int GENERATED_CHATS = 250;

    @TempDir
    static Path dir;
    static Path db;
    static Target crashed;
    static Target clean;

    @BeforeAll
    static void setUp() throws Exception {
        db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        OpenWebuiFixture.addChats(db, GENERATED_CHATS);
        crashed = Target.create();
        clean = Target.create();
    }

    @AfterAll
    static void drop() {
        crashed.drop();
        clean.drop();
    }

    @Test
    void rerunAfterACrashCompletesTheImport() throws Exception {
        RuntimeException crash = assertThrows(RuntimeException.class, () -> crashed.importSqlite(db, null, null, (table, batches) -> {
            if (table.equals("chat") && batches == 2) {
                throw new RuntimeException("simulated crash");
            }
        }));
        assertEquals("simulated crash", crash.getMessage());
        assertEquals(200L, crashed.row("SELECT count(*) AS n FROM chat").get("n"), "two committed batches of 100 chats");
        assertEquals(0L, crashed.row("SELECT count(*) AS n FROM file").get("n"), "tables after chat were not reached");

        Report rerun = crashed.importSqlite(db, null, null);
        assertEquals(200, rerun.table("chat").presentCount());
        assertEquals(GENERATED_CHATS + 4 - 200, rerun.table("chat").writtenCount());

        clean.importSqlite(db, null, null);
        assertEquals(clean.dump(), crashed.dump());
        assertEquals((long) GENERATED_CHATS * 2 + 9, crashed.row("SELECT count(*) AS n FROM chat_message").get("n"));
    }
}
