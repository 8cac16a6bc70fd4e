package dev.webui.importer.source;

/** The source is not an Open WebUI database this importer understands; nothing was written. */
public final class UnsupportedSourceException extends Exception {
    public UnsupportedSourceException(String message) {
        super(message);
    }
}
