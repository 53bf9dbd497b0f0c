package io.icesync.net;

import io.icesync.core.ConnectionException;

/** A DNS lookup that failed: the name has no address, the server did not answer in time, or it failed. */
public final class DnsFailure extends ConnectionException {
    private static final long serialVersionUID = 1L;

    /** Why the lookup failed. */
    public enum Kind { NOT_FOUND, TIMEOUT, FAILURE }

    private final Kind kind;

    public DnsFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
