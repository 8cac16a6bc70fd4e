package dev.webui.api.tool.server;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A response body read into memory up to a limit: what comes after the limit is read and dropped,
 * so a huge answer costs time (bounded by the call's timeout) but never memory.
 */
public final class BoundedBody {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int limit;
    private boolean truncated;

    private BoundedBody(int limit) {
        this.limit = limit;
    }

    public static HttpResponse.BodyHandler<BoundedBody> handler(int limit) {
        return info -> {
            BoundedBody body = new BoundedBody(limit);
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(body::add)),
                    done -> body);
        };
    }

    private void add(byte[] chunk) {
        int room = limit - bytes.size();
        if (chunk.length > room) {
            truncated = true;
        }
        if (room > 0) {
            bytes.write(chunk, 0, Math.min(room, chunk.length));
        }
    }

    public boolean truncated() {
        return truncated;
    }

    public String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
