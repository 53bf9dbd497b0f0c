package io.icesync.client.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether IceSync itself is writing the local store: a cycle is running. The local-change watcher
 * takes no change then. Events of a cycle's last writes that reach the watcher after the cycle ended
 * cost one more folder sync, which finds nothing to do and writes no file the watcher looks at; a
 * pause after each cycle would lose the user's changes made in it instead.
 */
public final class OwnWrites {
    private final AtomicInteger running = new AtomicInteger();

    public void begin() {
        running.incrementAndGet();
    }

    public void end() {
        running.decrementAndGet();
    }

    /** True while a cycle runs. */
    public boolean now() {
        return running.get() > 0;
    }
}
