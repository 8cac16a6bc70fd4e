package dev.webui.files.embedding;

import java.util.List;

/** Turns texts into vectors; every vector of one engine has the same dimension. */
public interface EmbeddingEngine {
    /** The model name stored with each chunk (chunks of another model are not searched). */
    String model();

    List<float[]> embed(List<String> texts);

    /** What makes two engines' vectors comparable: the model, and for a remote engine where it runs. */
    default String identity() {
        return getClass().getSimpleName() + " " + model();
    }
}
