package io.icesync.smartdiscover;

import io.icesync.core.IceSyncException;

/** A DNS lookup that gave no answer: the name does not exist, the server failed, or it timed out. */
public final class DnsException extends IceSyncException {
    /** Why the lookup failed. */
    public enum Kind {
        /** The name does not exist or has no record of the type. */
        NOT_FOUND,
        /** No answer within the timeout. */
        TIMEOUT,
        /** The server answered with an error, or the query could not be sent. */
        FAILURE
    }

    /** @serial why the lookup failed */
    private final Kind kind;

    /**
     * A failed lookup.
     *
     * @param kind    why it failed
     * @param message the query and the server asked, for people
     * @param cause   the resolver's failure, or null
     */
    public DnsException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** {@return why the lookup failed} */
    public Kind kind() {
        return kind;
    }
}
