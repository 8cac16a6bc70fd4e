package dev.webui.api.calls;

/** Another of our services answered 4xx: asking again would get the same answer. */
public class ServiceRefused extends RuntimeException {
    private final int status;

    public ServiceRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
