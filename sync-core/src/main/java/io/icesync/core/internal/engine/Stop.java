package io.icesync.core.internal.engine;

import io.icesync.core.engine.SyncCancelledException;

/** Whether the cycle under way was asked to stop; set from another thread, checked between steps. */
public final class Stop {
    private volatile Boolean closing;

    /** Asks the cycle under way to stop; {@code closed}: because the engine is being closed. */
    public void request(boolean closed) {
        closing = closed;
    }

    public void clear() {
        closing = null;
    }

    public boolean requested() {
        return closing != null;
    }

    /** Throws {@link SyncCancelledException} when a stop was asked for. */
    public void check() {
        Boolean c = closing;
        if (c != null) {
            throw new SyncCancelledException(c, null);
        }
    }

    /** What a cycle that failed with {@code e} throws: the cancellation when one was asked for, else {@code e}. */
    public RuntimeException translate(RuntimeException e) {
        Boolean c = closing;
        if (c == null || e instanceof SyncCancelledException) {
            return e;
        }
        return new SyncCancelledException(c, e);
    }
}
