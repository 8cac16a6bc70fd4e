package dev.webui.core.config;

/**
 * An environment variable the program cannot run with; the message says what to set. The
 * services turn it into a Quarkus configuration error, the importer prints it and exits.
 */
public class InvalidEnvironmentException extends RuntimeException {
    public InvalidEnvironmentException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
