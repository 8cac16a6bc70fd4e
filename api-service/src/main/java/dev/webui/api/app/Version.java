package dev.webui.api.app;

/** The Open WebUI version whose frontend contract this backend implements. */
public final class Version {
    public static final String CURRENT = "0.6.32";

    private Version() {
    }
}
