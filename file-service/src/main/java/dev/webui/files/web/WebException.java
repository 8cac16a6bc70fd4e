package dev.webui.files.web;

/** A search engine or page that could not be used; the message says which and why, for the user. */
public class WebException extends RuntimeException {
    public WebException(String message) {
        super(message);
    }

    public WebException(String message, Throwable cause) {
        super(message, cause);
    }
}
