package dev.webui.common.config;

import java.util.function.Function;

/**
 * Pool sizing from Open WebUI's variables. DATABASE_POOL_SIZE plus DATABASE_POOL_MAX_OVERFLOW is
 * the most connections one service instance opens; DATABASE_POOL_TIMEOUT (seconds) bounds the wait
 * for a free connection; DATABASE_POOL_RECYCLE (seconds) bounds a connection's life.
 */
public record DatabasePool(int maxSize, int timeoutSeconds, int recycleSeconds) {
    static final int DEFAULT_SIZE = 20;
    static final int DEFAULT_OVERFLOW = 0;
    static final int DEFAULT_TIMEOUT = 30;
    static final int DEFAULT_RECYCLE = 3600;

    public static DatabasePool fromEnvironment(Function<String, String> env) {
        int size = number(env, "DATABASE_POOL_SIZE", DEFAULT_SIZE, 0);
        int overflow = number(env, "DATABASE_POOL_MAX_OVERFLOW", DEFAULT_OVERFLOW, 0);
        int timeout = number(env, "DATABASE_POOL_TIMEOUT", DEFAULT_TIMEOUT, 1);
        int recycle = number(env, "DATABASE_POOL_RECYCLE", DEFAULT_RECYCLE, 1);
        // Open WebUI reads a size of 0 as "no pool"; a reactive client always pools, so 0 means the default.
        int max = (size == 0 ? DEFAULT_SIZE : size) + overflow;
        return new DatabasePool(max, timeout, recycle);
    }

    private static int number(Function<String, String> env, String name, int fallback, int min) {
        String raw = env.apply(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidConfigurationException(name + " must be a whole number of at least " + min + ", not '" + raw + "'");
    }
}
