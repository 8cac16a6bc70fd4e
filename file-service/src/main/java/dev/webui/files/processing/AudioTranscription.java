package dev.webui.files.processing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.auth.JwtService;
import dev.webui.common.settings.SettingsReader;
import dev.webui.core.audio.SpeechTypes;
import dev.webui.core.settings.Settings;
import dev.webui.files.config.AudioCallConfig;
import dev.webui.files.db.Json;
import dev.webui.files.file.FileRow;
import dev.webui.files.storage.FileStorage;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploaded audio is transcribed, then indexed like any document's text (Open WebUI does so for
 * every upload whose type speech to text takes). The speech engines live in api-service, so the
 * file goes to its POST /api/v1/audio/transcriptions, streamed from storage, as the file's owner:
 * a token for the owner signed with the shared secret, valid for the call only, so api-service
 * applies its own rules (verified account, limits) to the owner and not to a service identity.
 */
@ApplicationScoped
public class AudioTranscription {
    private final SettingsReader settings;
    private final FileStorage storage;
    private final JwtService jwt;
    private final AudioCallConfig config;
    private final HttpClient http;

    public AudioTranscription(SettingsReader settings, FileStorage storage, JwtService jwt, AudioCallConfig config) {
        this.settings = settings;
        this.storage = storage;
        this.jwt = jwt;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Whether uploads of this type are transcribed: a server speech to text engine is set and it takes the type. */
    public boolean applies(String contentType) {
        return SpeechTypes.SERVER_ENGINES.contains(settings.text(Settings.STT_ENGINE))
                && SpeechTypes.accepts(settings.get(Settings.STT_CONTENT_TYPES), contentType);
    }

    /** The transcript; a refusal or failure is a {@link TextExtractor.ExtractionException} with api-service's reason. */
    public String transcribe(FileRow file) throws TextExtractor.ExtractionException {
        String boundary = "----webui" + UUID.randomUUID().toString().replace("-", "");
        String name = file.displayName().replace("\"", "%22").replace("\r", "").replace("\n", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        int timeout = Math.max(1, config.timeoutSeconds());
        String token = jwt.issue(file.userId(), Optional.of(Instant.now().plusSeconds(timeout + 60L)));
        String base = config.apiServiceUrl().endsWith("/") ? config.apiServiceUrl().substring(0, config.apiServiceUrl().length() - 1)
                : config.apiServiceUrl();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/audio/transcriptions"))
                .timeout(Duration.ofSeconds(timeout))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofInputStream(() -> open(file)),
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("Transcription was interrupted");
        } catch (java.net.http.HttpTimeoutException e) {
            throw failure("Transcription took longer than " + timeout + " seconds");
        } catch (IOException e) {
            throw failure("Speech to text is unreachable (api-service at " + base + "): " + e.getMessage());
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200) {
            String detail = body.path("detail").isTextual() ? body.get("detail").textValue() : "HTTP " + response.statusCode();
            throw failure("Transcription failed: " + detail);
        }
        if (!body.path("text").isTextual()) {
            throw failure("Transcription failed: the answer had no text");
        }
        return body.get("text").textValue().strip();
    }

    private static TextExtractor.ExtractionException failure(String message) {
        return new TextExtractor.ExtractionException(message, null);
    }

    private InputStream open(FileRow file) {
        try {
            return storage.open(file.path(), 0, -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            return json == null ? Json.MAPPER.createObjectNode() : json;
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
