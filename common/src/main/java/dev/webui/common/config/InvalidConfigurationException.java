package dev.webui.common.config;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * A configuration value the suite cannot start with; the message says what to change. Being a
 * Quarkus ConfigurationException, it stops start-up with just this one line on stderr.
 */
public class InvalidConfigurationException extends ConfigurationException {
    public InvalidConfigurationException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
