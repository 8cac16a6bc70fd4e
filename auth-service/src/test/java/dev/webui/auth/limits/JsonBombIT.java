package dev.webui.auth.limits;

import dev.webui.common.testing.JsonBombContract;

/** Settings take REQUEST_BODY_MAX_SIZE: a declared length is refused unread, a chunked body by the JSON read limits. */
class JsonBombIT extends JsonBombContract {
    @Override
    protected String path() {
        return "/api/v1/users/user/settings/update";
    }

    @Override
    protected String field() {
        return "ui";
    }
}
