package dev.webui.auth.account;

public record AdminDetails(String name, String email) {
}
