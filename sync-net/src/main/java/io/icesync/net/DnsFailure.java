package io.icesync.net;

import io.icesync.core.ConnectionException;

/** A DNS lookup that failed: the name has no address, the server did not answer in time, or it failed. */
public final class DnsFailure extends ConnectionException {
    private static final long serialVersionUID = 1L;

    /** Why the lookup failed: the name has no address, the server did not answer in time, or it failed. */
    public enum Kind {
        /** The name has no address (or does not exist). */
        NOT_FOUND,
        /** No answer within the resolver's timeout. */
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
     * @param cause   the resolver's exception, or null
     */
    public DnsFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** {@return why the lookup failed} */
    public Kind kind() {
        return kind;
    }
}
