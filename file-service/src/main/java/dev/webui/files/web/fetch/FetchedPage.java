package dev.webui.files.web.fetch;

import io.vertx.core.buffer.Buffer;

/** A page as it came back: where it was found after redirects, its content type and (bounded) body. */
public record FetchedPage(String url, String finalUrl, String contentType, Buffer body) {
}
