package io.icesync.core.store;

import io.icesync.core.StoreException;

/**
 * The nesting rule of {@link io.icesync.core.spi.SyncStateStore#inTransaction}, for every state store
 * (the built-in ones and a connector's own): an inner {@code inTransaction} joins the outermost one,
 * and the outermost commits only if nothing inside failed. A failure swallowed by the caller between
 * an inner and the outer call still rolls everything back, because the inner work may have been half
 * done. Not thread-safe: the store serialises calls.
 */
public final class NestedTransactions {
    /** What a store does at the outermost level. */
    public interface Backend {
        /** Starts the store's own transaction. */
        void begin();

        /** Makes everything since {@link #begin} durable. */
        void commit();

        /** Undo everything since {@link #begin}; may itself throw if the store is broken. */
        void rollback();
    }

    private final Backend backend;
    private final String where;
    private int depth;
    private Throwable innerFailure;

    /**
     * Creates the rule for one store.
     *
     * @param backend the store's own begin, commit and rollback
     * @param where   names the store in the error raised when nested work failed, e.g. its file
     */
    public NestedTransactions(Backend backend, String where) {
        this.backend = backend;
        this.where = where;
    }

    /**
     * Tells whether a transaction is open.
     *
     * @return true inside {@link #run}, at any depth
     */
    public boolean active() {
        return depth > 0;
    }

    /**
     * Runs work in the outermost transaction, opening it when none is open.
     *
     * @param work what to do; its exception rolls back the outermost transaction and is rethrown
     * @throws io.icesync.core.StoreException when nested work failed but the exception was swallowed
     */
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
