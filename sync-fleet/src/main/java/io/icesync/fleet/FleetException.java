package io.icesync.fleet;

import io.icesync.core.IceSyncException;

/** A fleet request that cannot be done as asked: an account that exists already or is unknown, a bad address. */
public class FleetException extends IceSyncException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with what was wrong and where.
     *
     * @param message what was wrong and where
     */
    public FleetException(String message) {
        super(message);
    }

    /**
     * An error with what was wrong, where, and why.
     *
     * @param message what was wrong and where
     * @param cause   what was met doing it
     */
    public FleetException(String message, Throwable cause) {
        super(message, cause);
    }
}
