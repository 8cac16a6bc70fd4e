package dev.webui.common.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.common.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** V14: the retrieval settings saved in rag_config move into the shared settings document. */
class RagConfigMigrationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Flyway flyway(TestDatabase db, String target) {
        return Flyway.configure().dataSource(db.jdbcUrl(), "postgres", null).locations("classpath:db/migration")
                .target(target).load();
    }

    @Test
    void savedValuesLandAtTheirPathsWithoutOverwritingTheDocument() throws Exception {
        TestDatabase db = TestDatabase.create();
        try {
            flyway(db, "13").migrate();
            execute(db, "INSERT INTO config (data) VALUES ('{\"version\": 0, \"ui\": {\"enable_signup\": false}, "
                    + "\"rag\": {\"top_k\": 9, \"web\": \"not an object\"}}')");
            execute(db, "INSERT INTO rag_config (id, data, updated_at) VALUES (1, '{\"TOP_K\": 4, \"CHUNK_SIZE\": 500, "
                    + "\"RAG_TEMPLATE\": \"T {{CONTEXT}}\", \"RAG_OLLAMA_BASE_URL\": \"http://ollama:11434\", \"NOT_A_SETTING\": 1, "
                    + "\"web\": {\"WEB_SEARCH_ENGINE\": \"searxng\", \"WEB_SEARCH_RESULT_COUNT\": 7}}', 0)");

            flyway(db, "latest").migrate();

            JsonNode doc = document(db);
            assertEquals(9, doc.at("/rag/top_k").asInt(), "a value already in the document wins");
            assertEquals(500, doc.at("/rag/chunk_size").asInt());
            assertEquals("T {{CONTEXT}}", doc.at("/rag/template").asText());
            assertEquals("http://ollama:11434", doc.at("/rag/ollama/url").asText());
            assertEquals("searxng", doc.at("/rag/web/search/engine").asText());
            assertEquals(7, doc.at("/rag/web/search/result_count").asInt());
            assertFalse(doc.at("/ui/enable_signup").asBoolean(true), "other keys kept");
            assertFalse(doc.toString().contains("NOT_A_SETTING"), "only registered keys are carried");
            assertFalse(doc.at("/rag/embedding_model").isValueNode(), "keys rag_config did not hold stay unset");
            assertFalse(tableExists(db, "rag_config"));
        } finally {
            db.drop();
        }
    }

    @Test
    void withoutAConfigRowOneIsCreated() throws Exception {
        TestDatabase db = TestDatabase.create();
        try {
            flyway(db, "13").migrate();
            execute(db, "INSERT INTO rag_config (id, data, updated_at) VALUES (1, '{\"ENABLE_RAG_HYBRID_SEARCH\": true}', 0)");
            flyway(db, "latest").migrate();
            JsonNode doc = document(db);
            assertTrue(doc.at("/rag/enable_hybrid_search").asBoolean(false));
            assertTrue(doc.at("/ui").isObject());
        } finally {
            db.drop();
        }
    }

    private static void execute(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static JsonNode document(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT data::text FROM config ORDER BY id DESC LIMIT 1")) {
            assertTrue(rs.next(), "a config row");
            return MAPPER.readTree(rs.getString(1));
        }
    }

    private static boolean tableExists(TestDatabase db, String name) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('public." + name + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
