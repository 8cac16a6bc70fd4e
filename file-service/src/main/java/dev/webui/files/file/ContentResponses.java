package dev.webui.files.file;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Builds the response of a content download: range, safe type, disposition and protective headers. */
final class ContentResponses {
    private ContentResponses() {
    }

    /**
     * A stored page shown inline in the chat's frame. Its scripts may run, but the CSP sandbox gives
     * the document an opaque origin: it cannot read our cookies or storage, nor call our API as the
     * reader; it may not navigate the top window, open pop-ups or submit forms.
     */
    static Response page(FileService service, FileRow file) {
        return Response.ok(service.open(file, 0, -1)).type(SafeServing.contentType(file.contentType()))
                .header(HttpHeaders.CONTENT_LENGTH, service.storedSize(file))
                .header("Content-Disposition", FileNames.disposition("inline", file.displayName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SafeServing.PAGE_CSP)
                .header("Cache-Control", "private, max-age=0, must-revalidate")
                .build();
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
