package io.icesync.smartdiscover;

import io.icesync.core.IceSyncException;

/** A DNS lookup that gave no answer: the name does not exist, the server failed, or it timed out. */
public final class DnsException extends IceSyncException {
    /** Why the lookup failed. */
    public enum Kind { NOT_FOUND, TIMEOUT, FAILURE }

    private final Kind kind;

    public DnsException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
