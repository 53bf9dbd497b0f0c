package io.icesync.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a client waits: {@code connect} for a connection (TCP and TLS), {@code read} for each
 * piece of an answer, {@code idle} before an unused pooled connection is closed.
 * {@link #DEFAULTS}: connect 30 s, read 30 s, idle 60 s. All three are positive.
 */
public record Timeouts(Duration connect, Duration read, Duration idle) {
    /** Connect 30 s, read 30 s, idle 60 s. */
    public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    public Timeouts {
        positive(connect, "connect");
        positive(read, "read");
        positive(idle, "idle");
    }

    /** Connect and read bounded by {@code both}; idle as in {@link #DEFAULTS}. */
    public static Timeouts of(Duration both) {
        return new Timeouts(both, both, DEFAULTS.idle());
    }

    public Timeouts withConnect(Duration d) {
        return new Timeouts(d, read, idle);
    }

    public Timeouts withRead(Duration d) {
        return new Timeouts(connect, d, idle);
    }

    public Timeouts withIdle(Duration d) {
        return new Timeouts(connect, read, d);
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the " + what + " timeout must be positive, got " + d);
        }
    }
}
