package dev.webui.api.image.engine;

/**
 * What to draw: the prompt, an optional negative prompt, how many images and their size.
 *
 * @param size the size as asked ({@code WxH}, or {@code auto} for gpt-image-1); width and height are its numbers
 *             (512x512 when the size has none)
 */
public record ImageRequest(String prompt, String negativePrompt, int n, String size, int width, int height) {
}
