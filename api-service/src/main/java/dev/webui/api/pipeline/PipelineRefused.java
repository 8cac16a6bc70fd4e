package dev.webui.api.pipeline;

import dev.webui.common.error.ApiException;

/** A Pipelines server answered an error with a {@code detail} (a filter refusing a message, a bad valve...). */
public class PipelineRefused extends ApiException {
    public PipelineRefused(int status, String detail) {
        super(status, detail);
    }
}
