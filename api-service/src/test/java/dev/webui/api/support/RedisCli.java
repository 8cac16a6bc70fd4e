package dev.webui.api.support;

import dev.webui.common.testing.TestRedis;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs redis-cli against the test's Redis, under the test run's key prefix. */
public final class RedisCli {
    private RedisCli() {
    }

    public static String prefix() {
        return ConfigProvider.getConfig().getValue("REDIS_KEY_PREFIX", String.class);
    }

    public static String run(String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-u", TestRedis.SHARED_URL));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("redis-cli failed: " + out);
            }
            return out.trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
