package dev.webui.api.limits;

import dev.webui.common.testing.JsonBombContract;

/** A chat route takes bodies up to LARGE_REQUEST_BODY_MAX_SIZE: here the JSON read limits stop the bomb. */
class JsonBombIT extends JsonBombContract {
    @Override
    protected String path() {
        return "/api/v1/chats/new";
    }

    @Override
    protected String field() {
        return "chat";
    }
}
