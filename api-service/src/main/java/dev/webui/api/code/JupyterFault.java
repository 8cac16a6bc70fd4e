package dev.webui.api.code;

import dev.webui.common.error.ApiException;

/** The Jupyter server could not be reached, refused the credentials or answered an error: a 502 with what happened. */
public class JupyterFault extends ApiException {
    public JupyterFault(String detail) {
        super(502, detail);
    }
}
