package dev.webui.api.audio;

import dev.webui.common.error.ApiException;

/** An engine that answered with an error status: a 502 for the caller, the engine's own status kept for retries. */
public class EngineRefused extends ApiException {
    private final int engineStatus;

    EngineRefused(int engineStatus, String detail) {
        super(502, detail);
        this.engineStatus = engineStatus;
    }

    public int engineStatus() {
        return engineStatus;
    }
}
