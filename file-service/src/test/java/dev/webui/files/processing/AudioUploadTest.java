package dev.webui.files.processing;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import dev.webui.files.support.FilesTestEnvironment;
import dev.webui.files.support.Uploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploaded audio is transcribed through api-service's speech to text, as its owner, then indexed. */
@QuarkusTest
@QuarkusTestResource(value = FilesTestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeTranscriptionResource.class, restrictToAnnotatedClass = true)
class AudioUploadTest {

    @Test
    void anUploadedRecordingIsTranscribedAsItsOwnerAndSearchable() {
        TestUser owner = TestUsers.create(Roles.USER);
        byte[] wav = wav("voice memo");
        String id = Uploads.uploadOk(owner.token(), "memo.wav", wav, "audio/wav");
        assertEquals("completed", Uploads.awaitProcessed(owner.token(), id));
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + id).then()
                .body("data.content", equalTo("The aardvark sings at dawn.")).body("meta.content_type", startsWith("audio/"));

        FakeTranscriptionResource.Seen seen = FakeTranscriptionResource.SEEN.get("memo.wav");
        assertArrayEquals(wav, seen.bytes());
        assertTrue(seen.contentType().startsWith("audio/"), seen.contentType());
        String token = seen.authorization().substring("Bearer ".length());
        assertEquals(owner.id(), TestUsers.jwt().verify(token).orElseThrow().userId(), "the call is made as the file's owner");
        assertTrue(TestUsers.jwt().verify(token).orElseThrow().expiresAt() != null, "with a token that expires");

        List<String> hits = given().auth().oauth2(owner.token()).contentType("application/json")
                .body(Map.of("collection_name", "file-" + id, "query", "aardvark dawn"))
                .post("/api/v1/retrieval/query/doc").then().statusCode(200).extract().path("documents[0]");
        assertTrue(hits.get(0).contains("aardvark sings"), String.valueOf(hits));
    }

    @Test
    void aFailedOrSilentTranscriptionMarksTheFileWithTheReason() {
        TestUser owner = TestUsers.create(Roles.USER);
        String broken = Uploads.uploadOk(owner.token(), "broken.wav", wav("broken"), "audio/wav");
        assertEquals("failed", Uploads.awaitProcessed(owner.token(), broken));
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + broken).then()
                .body("data.error", containsString("model exploded"));

        String silent = Uploads.uploadOk(owner.token(), "silent.wav", wav("silence"), "audio/wav");
        assertEquals("failed", Uploads.awaitProcessed(owner.token(), silent));
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + silent).then()
                .body("data.error", containsString("No speech"));
    }

    @Test
    void imagesAreStillStoredOnly() {
        TestUser owner = TestUsers.create(Roles.USER);
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        String id = Uploads.uploadOk(owner.token(), "dot.png", png, "image/png");
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + id).then().body("data.status", org.hamcrest.Matchers.nullValue());
    }

    /** A real (tiny) PCM WAV file whose samples spell {@code marker}, so the fake can tell files apart. */
    private static byte[] wav(String marker) {
        byte[] samples = (marker + " ".repeat(64)).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(44 + samples.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples.length).put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(8000).putShort((short) 1).putShort((short) 8)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples.length).put(samples);
        return out.array();
    }
}
