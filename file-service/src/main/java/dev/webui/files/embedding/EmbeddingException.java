package dev.webui.files.embedding;

/** Embedding failed; the message is fit to show as a file's processing error. */
public class EmbeddingException extends RuntimeException {
    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
