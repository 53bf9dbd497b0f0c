package io.icesync.client.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When IceSync itself writes the local store: during a cycle, and a moment after it, for the file
 * events the system delivers late. The local-change watcher takes no change then.
 */
public final class OwnWrites {
    static final Duration GRACE = Duration.ofMillis(500);
    private final AtomicInteger running = new AtomicInteger();
    private volatile long lastEnd = System.nanoTime() - GRACE.toNanos();

    public void begin() {
        running.incrementAndGet();
    }

    public void end() {
        lastEnd = System.nanoTime();
        running.decrementAndGet();
    }

    /** True while a cycle runs and for {@link #GRACE} after the last one ended. */
    public boolean recent() {
        return running.get() > 0 || System.nanoTime() - lastEnd < GRACE.toNanos();
    }
}
