package dev.webui.common.error;

/** The contract's error body. */
public record ErrorResponse(String detail) {
}
