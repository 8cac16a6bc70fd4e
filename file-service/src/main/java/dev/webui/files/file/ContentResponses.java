package dev.webui.files.file;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds the response of a content download: range, safe type, disposition and protective headers. */
final class ContentResponses {
    private ContentResponses() {
    }

    static Response serve(FileService service, FileRow file, String rangeHeader, boolean forceAttachment) {
        long size = service.storedSize(file);
        ByteRange range = ByteRange.parse(rangeHeader, size);
        String type = SafeServing.contentType(file.contentType());
        boolean inline = !forceAttachment && SafeServing.inline(type);
        Response.ResponseBuilder response = range == null
                ? Response.ok(service.open(file, 0, -1)).header(HttpHeaders.CONTENT_LENGTH, size)
                : Response.status(206).entity(service.open(file, range.start(), range.length()))
                        .header("Content-Range", range.contentRange(size))
                        .header(HttpHeaders.CONTENT_LENGTH, range.length());
        return response.type(type)
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", FileNames.disposition(inline ? "inline" : "attachment", file.displayName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SafeServing.CSP)
                .header("Cache-Control", "private, max-age=0, must-revalidate")
                .build();
    }
}
