package dev.webui.files.file;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import dev.webui.files.support.FilesTestEnvironment;
import dev.webui.files.support.Uploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.webui.files.support.Uploads.upload;
import static dev.webui.files.support.Uploads.uploadOk;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = FilesTestEnvironment.class, restrictToAnnotatedClass = true)
class FileUploadTest {
    static final byte[] TEXT = "Hello from a plain text file.\nSecond line.\n".getBytes(StandardCharsets.UTF_8);

    TestUser owner;
    TestUser admin;

    @BeforeEach
    void users() {
        owner = TestUsers.create(Roles.USER);
        admin = TestUsers.create(Roles.ADMIN);
    }

    @AfterEach
    void resetLimits() {
        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("FILE_MAX_SIZE", "", "ALLOWED_FILE_EXTENSIONS", List.of()))
                .post("/api/v1/retrieval/config/update").then().statusCode(200);
    }

    @Test
    void uploadStoresBytesUnderTheIdWithHashAndMetadata() throws Exception {
        Response response = given().auth().oauth2(owner.token())
                .multiPart("file", "notes.txt", TEXT, "text/plain")
                .multiPart("metadata", "{\"language\":\"en\"}")
                .post("/api/v1/files/");
        response.then().statusCode(200)
                .body("status", equalTo(true))
                .body("user_id", equalTo(owner.id()))
                .body("filename", equalTo("notes.txt"))
                .body("meta.name", equalTo("notes.txt"))
                .body("meta.content_type", equalTo("text/plain"))
                .body("meta.size", equalTo(TEXT.length))
                .body("meta.data.language", equalTo("en"))
                .body("meta.collection_name", equalTo("file-" + response.path("id")))
                .body("data.status", equalTo("pending"))
                .body("path", nullValue());
        String id = response.path("id");
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(TEXT)), response.path("hash"));
        Path stored = Uploads.uploadDir().resolve(id);
        assertArrayEquals(TEXT, Files.readAllBytes(stored));
        assertTrue(Files.isDirectory(Uploads.uploadDir().resolve(".incoming")), "uploads are received beside UPLOAD_DIR");
        assertTrue(Uploads.awaitNoIncomingFiles(), "the in-flight copy was moved, not left behind");

        assertEquals("completed", Uploads.awaitProcessed(owner.token(), id));
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + id + "/data/content").then().statusCode(200)
                .body("content", containsString("Second line."));
        // processing leaves the hash of the bytes alone (Open WebUI re-hashes the extracted text)
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + id).then().body("hash", equalTo(response.path("hash")));
    }

    @Test
    void statusStreamEndsWithTheOutcome() {
        String id = uploadOk(owner.token(), "stream.txt", TEXT, "text/plain");
        // the stock upload helper asks for the stream with Accept: application/json and strips "data: "
        String body = given().auth().oauth2(owner.token()).accept("application/json")
                .get("/api/v1/files/" + id + "/process/status?stream=true")
                .then().statusCode(200).contentType(containsString("text/event-stream")).extract().asString();
        assertTrue(body.endsWith("data: {\"status\":\"completed\"}\n\n"), body);
        for (String line : body.split("\n")) {
            assertTrue(line.isEmpty() || line.startsWith("data: {"), "not an SSE data line: " + line);
        }
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + id + "/process/status").then().statusCode(200)
                .contentType(containsString("application/json")).body("status", equalTo("completed"));
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + java.util.UUID.randomUUID() + "/process/status?stream=true")
                .then().statusCode(200).body(containsString("not_found"));
    }

    @Test
    void contentIsServedWithRangesAndProtectiveHeaders() {
        String id = uploadOk(owner.token(), "range.txt", TEXT, "text/plain");
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + id + "/content").then().statusCode(200)
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("sandbox"))
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", containsString("inline"))
                .body(equalTo(new String(TEXT, StandardCharsets.UTF_8)));
        given().auth().oauth2(owner.token()).header("Range", "bytes=6-9").get("/api/v1/files/" + id + "/content").then()
                .statusCode(206).header("Content-Range", "bytes 6-9/" + TEXT.length).body(equalTo("from"));
        given().auth().oauth2(owner.token()).header("Range", "bytes=-6").get("/api/v1/files/" + id + "/content").then()
                .statusCode(206).body(equalTo("line.\n"));
        given().auth().oauth2(owner.token()).header("Range", "bytes=5000-").get("/api/v1/files/" + id + "/content").then()
                .statusCode(416).body("detail", containsString(TEXT.length + " bytes"));
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + id + "/content?attachment=true").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"));
        // <img> and download links carry the cookie, not a header
        given().cookie("token", owner.token()).get("/api/v1/files/" + id + "/content").then().statusCode(200);
    }

    @Test
    void aLyingContentTypeIsIgnoredAndHtmlIsNeverRenderedInline() {
        byte[] html = "<html><body><script>alert(document.cookie)</script>hi</body></html>".getBytes(StandardCharsets.UTF_8);
        String id = uploadOk(owner.token(), "innocent.png", html, "image/png");
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + id).then().body("meta.content_type", equalTo("text/html"));
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + id + "/content").then().statusCode(200)
                .header("Content-Type", "text/html; charset=utf-8")
                .header("Content-Disposition", containsString("attachment"))
                .header("X-Content-Type-Options", "nosniff");
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>".getBytes(StandardCharsets.UTF_8);
        String svgId = uploadOk(owner.token(), "logo.svg", svg, "image/svg+xml");
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + svgId + "/content").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    @Test
    void pathLikeAndUnicodeNamesStayDisplayText() {
        String id = uploadOk(owner.token(), "../../../etc/passwd", TEXT, "text/plain");
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + id).then().body("filename", equalTo("passwd"));
        String windows = uploadOk(owner.token(), "C:\\Users\\x\\report.txt", TEXT, "text/plain");
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + windows).then().body("filename", equalTo("report.txt"));
        // right-to-left override and zero-width characters are dropped; the name is NFC-normalized
        String tricky = Uploads.uploadUtf8Name(owner.token(), "invoice\u202Etxt.exe\u200B.txt", TEXT);
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + tricky).then().body("filename", equalTo("invoicetxt.exe.txt"));
        String decomposed = Uploads.uploadUtf8Name(owner.token(), "cafe\u0301.txt", TEXT);
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + decomposed).then().body("filename", equalTo("caf\u00e9.txt"));
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + decomposed + "/content").then()
                .header("Content-Disposition", containsString("filename*=UTF-8''caf%C3%A9.txt"));
        for (String stored : List.of(id, windows, tricky, decomposed)) {
            assertTrue(Files.exists(Uploads.uploadDir().resolve(stored)), "stored under its id only");
        }
    }

    @Test
    void badUploadsAreRefusedAndLeaveNothingBehind() {
        int storedBefore = Uploads.storedFiles().size();
        upload(owner.token(), "empty.txt", new byte[0], "text/plain").statusCode(400).body("detail", containsString("empty"));
        given().auth().oauth2(owner.token()).multiPart("metadata", "{}").post("/api/v1/files/").then()
                .statusCode(400).body("detail", containsString("'file'"));
        given().auth().oauth2(owner.token()).multiPart("file", "a.txt", TEXT, "text/plain").multiPart("metadata", "[1")
                .post("/api/v1/files/").then().statusCode(400).body("detail", containsString("metadata"));

        given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("FILE_MAX_SIZE", 1, "ALLOWED_FILE_EXTENSIONS", List.of("txt", "pdf")))
                .post("/api/v1/retrieval/config/update").then().statusCode(200).body("FILE_MAX_SIZE", equalTo(1));
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        upload(owner.token(), "big.txt", big, "text/plain").statusCode(413).body("detail", containsString("1 MB"));
        upload(owner.token(), "tool.exe", TEXT, "application/octet-stream").statusCode(400)
                .body("detail", containsString("txt, pdf"));
        upload(owner.token(), "noextension", TEXT, "text/plain").statusCode(400);

        assertEquals(storedBefore, Uploads.storedFiles().size(), "no stored bytes");
        assertTrue(Uploads.awaitNoIncomingFiles(), "no in-flight leftovers");
        given().auth().oauth2(owner.token()).get("/api/v1/files/").then().statusCode(200)
                .body("filename", not(hasItem("big.txt"))).body("filename", not(hasItem("empty.txt")));
    }

    @Test
    void anOversizedDeclaredBodyIsRefusedBeforeItIsSent() throws Exception {
        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("FILE_MAX_SIZE", 1))
                .post("/api/v1/retrieval/config/update").then().statusCode(200);
        // nothing but the start of the body is sent: the answer must come from the headers alone
        String response = rawUpload("50000000", "--xyz\r\n");
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains("File size exceeds the limit of 1 MB"), response);
        assertTrue(Uploads.awaitNoIncomingFiles());
    }

    @Test
    void aMultipartBodyLongerThanItsDeclaredLengthIsABadRequest() throws Exception {
        String body = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                + "hello there, this part is cut short by the declared length\r\n--xyz--\r\n";
        String response = rawUpload(String.valueOf(body.length() - 40), body);
        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.contains("{\"detail\":\"The request body is incomplete or malformed"), response);
        assertTrue(Uploads.awaitNoIncomingFiles());
    }

    /** Sends a multipart upload over a plain socket with the given Content-Length and reads the answer up to its JSON body. */
    private String rawUpload(String contentLength, String body) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String request = "POST /api/v1/files/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + owner.token()
                    + "\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + contentLength + "\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder response = new StringBuilder();
            java.io.InputStream in = socket.getInputStream();
            int b;
            while (!response.toString().contains("}") && (b = in.read()) >= 0) {
                response.append((char) b);
            }
            return response.toString();
        }
    }

    @Test
    void concurrentUploadsOfOneFileEachGetTheirOwnRow() throws Exception {
        int storedBefore = Uploads.storedFiles().size();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(pool.submit(() -> given().auth().oauth2(owner.token())
                        .multiPart("file", "same.txt", TEXT, "text/plain").queryParam("process", false)
                        .post("/api/v1/files/").then().statusCode(200).extract().<String>path("id")));
            }
            List<String> distinct = new ArrayList<>();
            for (Future<String> id : ids) {
                distinct.add(id.get());
            }
            assertEquals(6, distinct.stream().distinct().count());
            assertEquals(storedBefore + 6, Uploads.storedFiles().size());
            for (String id : distinct) {
                given().auth().oauth2(owner.token()).get("/api/v1/files/" + id).then().statusCode(200)
                        .body("hash", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(TEXT))))
                        .body("data.status", nullValue());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void updateContentAndDeleteRemoveEverything() {
        String id = uploadOk(owner.token(), "edit.txt", TEXT, "text/plain");
        Uploads.awaitProcessed(owner.token(), id);
        given().auth().oauth2(owner.token()).contentType("application/json").body(Map.of("content", "Rewritten text"))
                .post("/api/v1/files/" + id + "/data/content/update").then().statusCode(200).body("content", equalTo("Rewritten text"));
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + id + "/data/content").then().body("content", equalTo("Rewritten text"));
        given().auth().oauth2(owner.token()).contentType("application/json").body("{}")
                .post("/api/v1/files/" + id + "/data/content/update").then().statusCode(400);

        given().auth().oauth2(owner.token()).delete("/api/v1/files/" + id).then().statusCode(200).body("message", notNullValue());
        assertTrue(Files.notExists(Uploads.uploadDir().resolve(id)));
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + id).then().statusCode(404);
        given().auth().oauth2(owner.token()).delete("/api/v1/files/" + id).then().statusCode(404);
    }

    @Test
    void listSearchAndContentStripping() {
        String id = uploadOk(owner.token(), "findme-report.txt", TEXT, "text/plain");
        Uploads.awaitProcessed(owner.token(), id);
        given().auth().oauth2(owner.token()).get("/api/v1/files/?content=false").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.data.content", nullValue())
                .body("find { it.id == '" + id + "' }.data.status", equalTo("completed"));
        given().auth().oauth2(owner.token()).get("/api/v1/files/").then()
                .body("find { it.id == '" + id + "' }.data.content", containsString("Hello"));
        given().auth().oauth2(owner.token()).get("/api/v1/files/search?filename=findme-*.txt").then().statusCode(200)
                .body("id", hasItem(id));
        given().auth().oauth2(owner.token()).get("/api/v1/files/search?filename=nothing-like-this*").then().statusCode(404);
        given().auth().oauth2(owner.token()).get("/api/v1/files/search?filename=%25").then().statusCode(404);
        given().auth().oauth2(owner.token()).urlEncodingEnabled(false).get("/api/v1/files/search?filename=a%00b").then()
                .statusCode(400).body("detail", containsString("NUL"));
    }
}
