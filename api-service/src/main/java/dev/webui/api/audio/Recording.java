package dev.webui.api.audio;

/** An uploaded recording on disk: the name sent to the engine, its media type, where it is and its size. */
public record Recording(String name, String contentType, String path, long size) {
    /** The media type without parameters ({@code audio/webm;codecs=opus} is {@code audio/webm}). */
    public String baseType() {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase();
    }
}
