package io.icesync.rules;

import io.icesync.core.ProtocolException;

/** IceWarp's API answered a command with an error; {@link #errorId()} is the server's error id. */
public class IceWarpApiException extends ProtocolException {
    private static final long serialVersionUID = 1L;
    /** @serial the command that failed */
    private final String command;
    /** @serial the server's error id */
    private final String errorId;

    /**
     * An error answer.
     *
     * @param message what failed, for people
     * @param command the command that failed, such as {@code addrule}
     * @param errorId the server's error id, such as {@code account_not_found}
     */
    public IceWarpApiException(String message, String command, String errorId) {
        super(message, errorId, null);
        this.command = command;
        this.errorId = errorId;
    }

    /** {@return the command that failed, such as {@code addrule}} */
    public String command() {
        return command;
    }

    /** {@return the server's error id, such as {@code account_not_found}} */
    public String errorId() {
        return errorId;
    }
}
