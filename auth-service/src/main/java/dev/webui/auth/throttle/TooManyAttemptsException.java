package dev.webui.auth.throttle;

/** Sign-in refused for a while; answered as 429 with Retry-After. */
public class TooManyAttemptsException extends RuntimeException {
    private final long retryAfterSeconds;

    public TooManyAttemptsException(long retryAfterSeconds) {
        super("Too many failed sign-in attempts. Try again in " + retryAfterSeconds + " seconds.", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
