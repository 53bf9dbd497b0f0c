package io.icesync.core;

/** The server could not be reached or the connection broke (DNS, refused, timeout, reset). Retrying later may work. */
public class ConnectionException extends IceSyncException {
    private static final long serialVersionUID = 1L;

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
