package dev.webui.bridge.socket;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LimitedJsonSupportTest {
    private final LimitedJsonSupport json = new LimitedJsonSupport();

    @Test
    void aPacketOfMillionsOfTinyValuesIsRefusedWhileParsing() {
        byte[] packet = ("[" + "{},".repeat(1_000_000) + "{}]").getBytes(StandardCharsets.US_ASCII); // 3 MB, under the frame limit
        Exception e = assertThrows(Exception.class, () -> json.readValue("", new ByteBufInputStream(Unpooled.wrappedBuffer(packet)), List.class));
        assertInstanceOf(StreamConstraintsException.class, e instanceof StreamConstraintsException ? e : e.getCause(), e.toString());
    }

    @Test
    void ordinaryPacketsStillParse() throws Exception {
        byte[] packet = "[{\"type\":\"typing\",\"data\":{\"typing\":true}}]".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, json.readValue("", new ByteBufInputStream(Unpooled.wrappedBuffer(packet)), List.class).size());
    }
}
