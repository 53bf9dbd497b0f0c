package io.icesync.core;

/** The server could not be reached or the connection broke (DNS, refused, timeout, reset). Retrying later may work. */
public class ConnectionException extends IceSyncException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be reached or what broke
     * @param cause   the network error, or null
     */
    public ConnectionException(String message, Throwable cause) {

        super(message, cause);
    }
}
