package dev.webui.core.settings;

/** The services that read a setting (documentation, and which keys a service checks at startup). */
public enum ReadBy {
    API("api-service"),
    AUTH("auth-service"),
    FILES("file-service");

    private final String service;

    ReadBy(String service) {
        this.service = service;
    }

    /** The service's {@code quarkus.application.name}. */
    public String service() {
        return service;
    }
}
