package dev.webui.api.calls;

/**
 * Another of our services could not answer now: 5xx, no connection, no answer in time, or its
 * circuit is open. A call that is safe to repeat may be asked again.
 */
public class ServiceUnavailable extends RuntimeException {
    public ServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
