package dev.webui.api.code;

import dev.webui.common.error.ApiException;

import java.util.concurrent.TimeoutException;

/**
 * The Jupyter server could not be used: 502 when it is unreachable, refused the credentials or
 * answered an error; 504 when it did not answer within the timeout.
 */
public class JupyterFault extends ApiException {
    public JupyterFault(String detail) {
        super(502, detail);
    }

    private JupyterFault(int status, String detail) {
        super(status, detail);
    }

    /** The fault for a failed call to {@code url}: a timeout (504) or anything else (502). */
    static JupyterFault of(String url, Throwable error) {
        if (error instanceof JupyterFault fault) {
            return fault;
        }
        if (error instanceof TimeoutException) {
            return new JupyterFault(504, "Jupyter at " + url + " did not answer in time: " + JupyterSession.describe(error));
        }
        return new JupyterFault("Jupyter at " + url + " is unreachable: " + JupyterSession.describe(error));
    }
}
