package dev.webui.api.calls;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Sorts the answers of our services by status: 4xx refused, 5xx unavailable; never by their text. */
public class ServiceErrors implements ResponseExceptionMapper<RuntimeException> {
    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        String message = "answered " + status;
        return status >= 500 ? new ServiceUnavailable(message, null) : new ServiceRefused(status, message);
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
