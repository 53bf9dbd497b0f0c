package io.icesync.rules;

import io.icesync.core.ProtocolException;

/** IceWarp's API answered a command with an error; {@link #errorId()} is the server's error id. */
public class IceWarpApiException extends ProtocolException {
    private static final long serialVersionUID = 1L;
    private final String command;
    private final String errorId;

    public IceWarpApiException(String message, String command, String errorId) {
        super(message, errorId, null);
        this.command = command;
        this.errorId = errorId;
    }

    /** The command that failed, such as {@code addrule}. */
    public String command() {
        return command;
    }

    /** The server's error id, such as {@code account_not_found}. */
    public String errorId() {
        return errorId;
    }
}
