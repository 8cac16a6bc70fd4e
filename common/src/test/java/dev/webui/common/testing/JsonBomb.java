package dev.webui.common.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A JSON text of a few MB that parses into millions of objects: {"field": {"items": [{"a":1},{"a":1},...]}}. */
public final class JsonBomb {
    private JsonBomb() {
    }

    public static byte[] tinyObjects(String field, int megabytes) {
        byte[] item = "{\"a\":1},".getBytes(StandardCharsets.US_ASCII);
        int count = megabytes * 1024 * 1024 / item.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * item.length + 64);
        out.writeBytes(("{\"" + field + "\":{\"items\":[").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < count; i++) {
            out.write(item, 0, i == count - 1 ? item.length - 1 : item.length);
        }
        out.writeBytes("]}}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
