package dev.webui.importer;

import dev.webui.importer.report.Report;
import redis.clients.jedis.Jedis;

import java.io.PrintStream;
import java.net.URI;
import java.util.function.Function;

/**
 * Tells running services what an import changed, on the channels they already listen to
 * (docs/redis.md): {@code <prefix>:config:changed} when the settings were written, and one
 * {@code <prefix>:users:changed} message per imported or merged account. Every replica then
 * re-reads at once instead of after its cache's age limit.
 */
final class Announcer {
    private final String url;
    private final String prefix;
    private final PrintStream progress;

    Announcer(String url, String prefix, PrintStream progress) {
        this.url = url;
        this.prefix = prefix;
        this.progress = progress;
    }

    static Announcer fromEnvironment(Function<String, String> env, PrintStream progress) {
        String url = env.apply("REDIS_URL");
        String prefix = env.apply("REDIS_KEY_PREFIX");
        return new Announcer(url == null || url.isBlank() ? "redis://localhost:6379/0" : url.trim(),
                prefix == null || prefix.isBlank() ? "open-webui" : prefix.trim(), progress);
    }

    void announce(Importer.Outcome outcome, Report report) {
        if (!outcome.settingsChanged() && outcome.users().isEmpty()) {
            return;
        }
        try (Jedis redis = new Jedis(URI.create(url), 5000)) {
            if (outcome.settingsChanged()) {
                redis.publish(prefix + ":config:changed", "changed");
            }
            for (String user : outcome.users()) {
                redis.publish(prefix + ":users:changed", user);
            }
            report.note("announced on Redis: " + (outcome.settingsChanged() ? "settings changed, " : "")
                    + outcome.users().size() + " user(s) changed");
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            progress.println("importer: could not announce the changes on Redis (" + why + "); running services "
                    + "pick up the imported settings and users within 30 s, or restart them");
            report.note("not announced on Redis (" + why + "): running services see the changes within 30 s");
        }
    }
}
