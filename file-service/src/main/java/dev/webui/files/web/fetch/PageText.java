package dev.webui.files.web.fetch;

import dev.webui.files.web.WebDocument;
import dev.webui.files.web.WebException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fetched page's readable text and metadata. HTML (or an unnamed type) goes through jsoup:
 * scripts, styles and other invisible parts are dropped, block structure is kept as line breaks;
 * plain text is kept as is. Other types (PDF, images...) are refused.
 */
public final class PageText {
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^;\" ]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");
    /** Characters of text kept per page, so one search holds a bounded amount of text. */
    static final int MAX_TEXT_CHARS = 500_000;
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n(\\s*\\n)+");

    private PageText() {
    }

    public static WebDocument extract(FetchedPage page) {
        String type = page.contentType() == null ? "" : page.contentType().toLowerCase(Locale.ROOT);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source", page.url());
        if (type.startsWith("text/plain") || type.startsWith("text/markdown")) {
            String text = page.body().toString(charset(type, StandardCharsets.UTF_8));
            return new WebDocument(tidy(text), metadata);
        }
        if (!(type.isEmpty() || type.contains("html") || type.contains("xml"))) {
            throw new WebException(page.url() + " is not a web page (" + page.contentType() + ")");
        }
        Document doc;
        try {
            Charset declared = charset(type, null);
            doc = Jsoup.parse(new ByteArrayInputStream(page.body().getBytes()), declared == null ? null : declared.name(), page.finalUrl());
        } catch (IOException e) {
            throw new WebException(page.url() + " could not be read: " + e.getMessage());
        }
        String title = doc.title();
        if (!title.isBlank()) {
            metadata.put("title", title.strip());
        }
        Element description = doc.selectFirst("meta[name=description]");
        if (description != null) {
            metadata.put("description", description.attr("content"));
        }
        String language = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
        if (!language.isBlank()) {
            metadata.put("language", language);
        }
        doc.select("script, style, noscript, template, svg, iframe, head").remove();
        // wholeText() keeps <br> as a line break; other blocks end a line, table cells are spaced
        doc.select("p, div, li, dt, dd, h1, h2, h3, h4, h5, h6, tr, table, section, article, main, nav, aside, header, footer, "
                + "pre, blockquote, figure, figcaption, form, hr, ul, ol").forEach(block -> block.after("\n"));
        doc.select("td, th").forEach(cell -> cell.after(" "));
        return new WebDocument(tidy(doc.body() == null ? "" : doc.body().wholeText()), metadata);
    }

    private static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            out.append(SPACES.matcher(line).replaceAll(" ").strip()).append('\n');
        }
        String tidy = BLANK_LINES.matcher(out).replaceAll("\n\n").strip();
        return tidy.length() > MAX_TEXT_CHARS ? tidy.substring(0, MAX_TEXT_CHARS) : tidy;
    }

    private static Charset charset(String contentType, Charset fallback) {
        Matcher m = CHARSET.matcher(contentType);
        if (m.find()) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
