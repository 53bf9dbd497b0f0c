package io.icesync.client;

import io.icesync.core.ProtocolException;

/**
 * A message is larger than the SMTP server takes (its SIZE limit, RFC 1870). Nothing was sent: the
 * message stays in the Outbox until it is made smaller or ignored.
 */
public class MessageTooLargeException extends ProtocolException {
    private static final long serialVersionUID = 1L;
    /** The message's size in bytes. */
    private final long size;
    /** The server's limit in bytes, or 0 when it did not say. */
    private final long limit;

    /**
     * @param server     the SMTP server, as the message names it
     * @param size       the message's size in bytes
     * @param limit      the server's limit in bytes, or 0 when it did not say
     * @param serverLine the server's answer, or null when the size was refused before sending
     * @param cause      the protocol error met, or null
     */
    public MessageTooLargeException(String server, long size, long limit, String serverLine, Throwable cause) {
        super("the message (" + size + " bytes) is larger than " + server + " accepts"
                + (limit > 0 ? " (SIZE limit " + limit + " bytes)" : ""), serverLine, cause);
        this.size = size;
        this.limit = limit;
    }

    /**
     * The message's size.
     *
     * @return its size in bytes
     */
    public long size() {
        return size;
    }

    /**
     * The server's SIZE limit.
     *
     * @return the limit in bytes, or 0 when it did not say
     */
    public long limit() {
        return limit;
    }
}
