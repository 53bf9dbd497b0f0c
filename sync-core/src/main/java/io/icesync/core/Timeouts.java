package io.icesync.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a client waits: {@code connect} for a connection (TCP and TLS), {@code read} for each
 * piece of an answer, {@code idle} before an unused pooled connection is closed.
 * {@link #DEFAULTS}: connect 30 s, read 30 s, idle 60 s. All three are positive.
 *
 * @param connect how long to wait for a connection, TLS included
 * @param read    how long to wait for each piece of an answer
 * @param idle    how long an unused pooled connection stays open
 */
public record Timeouts(Duration connect, Duration read, Duration idle) {
    /** Connect 30 s, read 30 s, idle 60 s. */
    public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    /**
     * Checks that every timeout is positive.
     *
     * @param connect the connect timeout
     * @param read    the read timeout
     * @param idle    the idle timeout
     * @throws IllegalArgumentException when a timeout is zero or negative
     * @throws NullPointerException     when a timeout is null
     */
    public Timeouts {
        positive(connect, "connect");
        positive(read, "read");
        positive(idle, "idle");
    }

    /**
     * Connect and read bounded by {@code both}; idle as in {@link #DEFAULTS}.
     *
     * @param both the connect and read timeout; positive
     * @return the timeouts
     * @throws IllegalArgumentException when {@code both} is not positive
     */
    public static Timeouts of(Duration both) {
        return new Timeouts(both, both, DEFAULTS.idle());
    }

    /**
     * These timeouts with another connect timeout.
     *
     * @param d the connect timeout; positive
     * @return a copy with {@code d} as its connect timeout
     * @throws IllegalArgumentException when {@code d} is not positive
     */
    public Timeouts withConnect(Duration d) {
        return new Timeouts(d, read, idle);
    }

    /**
     * These timeouts with another read timeout.
     *
     * @param d the read timeout; positive
     * @return a copy with {@code d} as its read timeout
     * @throws IllegalArgumentException when {@code d} is not positive
     */
    public Timeouts withRead(Duration d) {
        return new Timeouts(connect, d, idle);
    }

    /**
     * These timeouts with another idle timeout.
     *
     * @param d the idle timeout; positive
     * @return a copy with {@code d} as its idle timeout
     * @throws IllegalArgumentException when {@code d} is not positive
     */
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
