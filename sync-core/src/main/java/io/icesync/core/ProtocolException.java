package io.icesync.core;

/** The server answered something IceSync cannot accept: a NO/BAD reply or a malformed line, quoted in {@link #serverLine()}. */
public class ProtocolException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    private final String serverLine;

    public ProtocolException(String message, String serverLine, Throwable cause) {
        super(serverLine == null ? message : message + " (server said: " + serverLine + ")", cause);
        this.serverLine = serverLine;
    }

    public String serverLine() {
        return serverLine;
    }
}
