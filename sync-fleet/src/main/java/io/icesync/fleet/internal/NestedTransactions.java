package io.icesync.fleet.internal;

import io.icesync.core.StoreException;

/**
 * The nesting rule of the SQLite and in-memory state stores (sync-core), for the PostgreSQL one: an inner {@code inTransaction} joins the outermost
 * one, and the outermost commits only if nothing inside failed. A failure swallowed by the
 * caller between an inner and the outer call still rolls everything back, because the inner
 * work may have been half done. Not thread-safe: the store serialises calls.
 */
public final class NestedTransactions {
    /** What a store does at the outermost level. */
    public interface Backend {
        void begin();

        void commit();

        /** Undo everything since {@link #begin}; may itself throw if the store is broken. */
        void rollback();
    }

    private final Backend backend;
    private final String where;
    private int depth;
    private Throwable innerFailure;

    public NestedTransactions(Backend backend, String where) {
        this.backend = backend;
        this.where = where;
    }

    public boolean active() {
        return depth > 0;
    }

    public void run(Runnable work) {
        if (depth > 0) {
            depth++;
            try {
                work.run();
            } catch (Throwable t) {
                if (innerFailure == null) {
                    innerFailure = t;
                }
                throw t;
            } finally {
                depth--;
            }
            return;
        }
        backend.begin();
        depth = 1;
        innerFailure = null;
        try {
            work.run();
            if (innerFailure != null) {
                throw new StoreException(where + ": the transaction was rolled back because work nested in it failed ("
                        + innerFailure + ")", innerFailure);
            }
            backend.commit();
        } catch (Throwable t) {
            try {
                backend.rollback();
            } catch (Throwable r) {
                t.addSuppressed(r);
            }
            throw t;
        } finally {
            depth = 0;
            innerFailure = null;
        }
    }
}
