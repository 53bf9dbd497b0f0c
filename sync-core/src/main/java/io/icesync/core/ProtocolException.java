package io.icesync.core;

/** The server answered something IceSync cannot accept: a NO/BAD reply or a malformed line, quoted in {@link #serverLine()}. */
public class ProtocolException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    /** What the server said, or null. */
    private final String serverLine;

    /**
     * Creates the exception; the message quotes the server's line when there is one.
     *
     * @param message    what IceSync could not accept
     * @param serverLine the server's reply as received, or null
     * @param cause      the client library's error, or null
     */
    public ProtocolException(String message, String serverLine, Throwable cause) {
        super(serverLine == null ? message : message + " (server said: " + serverLine + ")", cause);
        this.serverLine = serverLine;
    }

    /**
     * What the server said.
     *
     * @return the server's reply as received, or null when there was none
     */
    public String serverLine() {

        return serverLine;
    }
}
