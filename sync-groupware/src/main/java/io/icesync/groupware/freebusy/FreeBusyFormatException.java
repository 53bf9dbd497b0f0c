package io.icesync.groupware.freebusy;

/**
 * The free/busy answer is not usable: not iCalendar (the message says which content type and first
 * bytes came), malformed iCalendar, or a calendar without a {@code VFREEBUSY}.
 */
public class FreeBusyFormatException extends FreeBusyException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the answer
     * @param url     the URL that was asked
     * @param cause   the parser's failure, or null
     */
    public FreeBusyFormatException(String message, String url, Throwable cause) {
        super(message, url, cause);
    }
}
