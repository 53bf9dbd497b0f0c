package io.icesync.groupware.store;

import io.icesync.core.StoreException;

/** A server message holds an iCalendar or vCard object that cannot be read; the message stays on the server. */
public class MalformedItemException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** @param message which message, and what cannot be read in it */
    public MalformedItemException(String message) {
        super(message, null);
    }
}
