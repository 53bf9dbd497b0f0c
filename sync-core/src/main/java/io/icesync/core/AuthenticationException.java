package io.icesync.core;

/** The server refused the login. The message names the account and server, never the password. */
public class AuthenticationException extends IceSyncException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused, naming the account and server
     * @param cause   the client library's error, or null
     */
    public AuthenticationException(String message, Throwable cause) {

        super(message, cause);
    }
}
