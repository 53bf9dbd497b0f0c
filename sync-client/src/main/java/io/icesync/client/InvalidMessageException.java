package io.icesync.client;

import io.icesync.core.IceSyncException;

/** A message given to send cannot be sent as it is: its header cannot be read, or it names no recipient. */
public class InvalidMessageException extends IceSyncException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the message
     * @param cause   what reading it met, or null
     */
    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
