package io.icesync.imap;

import io.icesync.core.ConnectionException;
import java.time.Duration;

/**
 * An IMAP command did not complete within its deadline (a server that answers too slowly to ever
 * finish, yet fast enough to keep the read timeout from firing): the connection was closed.
 * Not repeated at once; the next cycle tries again.
 */
public final class CommandDeadlineException extends ConnectionException {
    private static final long serialVersionUID = 1L;
    /** @serial the command, as sent */
    private final String command;
    /** @serial the deadline that passed */
    private final Duration deadline;

    /**
     * @param server   the server, for the message
     * @param command  the command, as sent ({@code UID FETCH}, {@code LIST}...)
     * @param deadline the deadline that passed
     * @param cause    the failure of the closed connection, or null
     */
    public CommandDeadlineException(String server, String command, Duration deadline, Throwable cause) {
        super("the IMAP command " + command + " to " + server + " did not complete within its deadline of "
                + describe(deadline) + "; the connection was closed", cause);
        this.command = command;
        this.deadline = deadline;
    }

    /** {@return the command, as sent ({@code UID FETCH}, {@code LIST}...)} */
    public String command() {
        return command;
    }

    /** {@return the deadline that passed: the command deadline, or the transfer deadline for FETCH and APPEND} */
    public Duration deadline() {
        return deadline;
    }

    private static String describe(Duration d) {
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + " min";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + " s";
        }
        return d.toMillis() + " ms";
    }
}
