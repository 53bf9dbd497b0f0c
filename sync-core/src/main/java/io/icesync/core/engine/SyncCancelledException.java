package io.icesync.core.engine;

import io.icesync.core.IceSyncException;

/**
 * A cycle stopped because {@link SyncEngine#cancel()} or {@link SyncEngine#close()} cut it. What it
 * had under way is covered by its intents, settled at the start of the next cycle; the cause is what
 * the cut call threw, if any.
 */
public final class SyncCancelledException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    /** True when the engine was closed, false when only the cycle was cancelled. */
    private final boolean closed;


    /**
     * Creates the exception.
     *
     * @param closed true when the engine was closed, false when only the cycle was cancelled
     * @param cause  what the cut call threw, or null
     */
    public SyncCancelledException(boolean closed, Throwable cause) {
        super(closed ? "the sync was stopped: the engine was closed" : "the sync was cancelled", cause);
        this.closed = closed;
    }

    /**
     * Tells a closed engine from a cancelled cycle.
     *
     * @return true when the engine was closed (later cycles fail too), false when only the cycle was cancelled
     */

    public boolean closed() {
        return closed;
    }
}
