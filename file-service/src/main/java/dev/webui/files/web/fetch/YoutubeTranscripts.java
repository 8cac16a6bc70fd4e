package dev.webui.files.web.fetch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.files.db.Json;
import dev.webui.files.web.WebException;
import dev.webui.files.web.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A YouTube video's transcript: the watch page names its caption tracks; the track in the first
 * language of YOUTUBE_LOADER_LANGUAGE that has one (else the first track) is fetched and its lines
 * joined. Fetched through {@link PageFetcher}, so a server without access to YouTube answers with
 * the reason it could not be reached.
 */
@ApplicationScoped
public class YoutubeTranscripts {
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{6,20}$");
    private static final Pattern TRACKS = Pattern.compile("\"captionTracks\":(\\[.*?\\])");

    private final PageFetcher fetcher;

    public YoutubeTranscripts(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    public String transcript(String url, WebSettings settings) {
        String id = videoId(url);
        FetchedPage watch;
        try {
            watch = fetcher.fetch("https://www.youtube.com/watch?v=" + id, settings);
        } catch (WebException e) {
            throw new WebException("YouTube could not be reached from this server (" + e.getMessage() + ")");
        }
        Matcher m = TRACKS.matcher(watch.body().toString(StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new WebException("This video has no transcript");
        }
        String track = chooseTrack(m.group(1), settings.list("YOUTUBE_LOADER_LANGUAGE"));
        String xml = fetcher.fetch(track, settings).body().toString(StandardCharsets.UTF_8);
        String text = Jsoup.parse(xml, "", Parser.xmlParser()).select("text").stream()
                .map(line -> Parser.unescapeEntities(line.text(), false)).collect(Collectors.joining(" "));
        if (text.isBlank()) {
            throw new WebException("This video's transcript is empty");
        }
        return text;
    }

    static String videoId(String url) {
        URI uri = PageFetcher.parse(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        String id = null;
        if (host.equals("youtu.be")) {
            id = path.replaceFirst("^/", "");
        } else if (host.equals("youtube.com") || host.endsWith(".youtube.com")) {
            if (path.startsWith("/shorts/") || path.startsWith("/embed/") || path.startsWith("/live/")) {
                id = path.substring(path.indexOf('/', 1) + 1);
            } else if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    if (pair.startsWith("v=")) {
                        id = pair.substring(2);
                    }
                }
            }
        }
        if (id == null || !ID.matcher(id.replaceFirst("/.*$", "")).matches()) {
            throw new WebException("Not a YouTube video link: " + url);
        }
        return id.replaceFirst("/.*$", "");
    }

    private static String chooseTrack(String json, List<String> languages) {
        JsonNode tracks;
        try {
            tracks = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new WebException("This video's transcript list could not be read");
        }
        for (String language : languages) {
            for (JsonNode track : tracks) {
                if (language.equalsIgnoreCase(track.path("languageCode").asText())) {
                    return track.path("baseUrl").asText();
                }
            }
        }
        if (tracks.isEmpty() || tracks.get(0).path("baseUrl").asText().isBlank()) {
            throw new WebException("This video has no transcript");
        }
        return tracks.get(0).path("baseUrl").asText();
    }
}
