package dev.webui.auth.apikey;

public record ApiKeyResponse(String apiKey) {
}
