package dev.webui.api.channel;

import java.time.Instant;

/** Channels, messages and reactions carry epoch nanoseconds, on the wire and in the database. */
final class Nanos {
    private Nanos() {
    }

    static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
