package io.icesync.core;

/** A local store or the sync state store failed to read or write (disk full, permissions, corrupt file). */
public class StoreException extends IceSyncException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
