package dev.webui.files.vector;

/** A piece of text ready to store: its position in the source and its vector. */
public record Chunk(int position, String text, float[] embedding) {
}
