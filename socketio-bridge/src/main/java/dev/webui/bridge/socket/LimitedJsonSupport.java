package dev.webui.bridge.socket;

import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.core.json.JsonLimits;

/**
 * netty-socketio's JSON codec with the suite's read limits: a client packet of a few MB of tiny
 * objects is refused while parsing instead of growing a tree of hundreds of MB.
 */
final class LimitedJsonSupport extends JacksonJsonSupport {
    @Override
    protected void init(ObjectMapper mapper) {
        super.init(mapper);
        JsonLimits.constrained(mapper);
    }
}
