package dev.webui.api.completion.step;

/** Where a step's events go: the user's sockets in socket mode, nowhere for SSE and JSON callers. */
@FunctionalInterface
public interface StepEvents {
    StepEvents NONE = (type, data) -> { };

    /** A chat event of the answer, e.g. {@code status} {@code {"action", "description", "done"}} or {@code files}. */
    void emit(String type, Object data);
}
