package io.icesync.groupware.freebusy;

/** The free/busy server answered an HTTP status the look-up cannot use (403, 500, an unfollowed redirect...). */
public class FreeBusyHttpException extends FreeBusyException {
    private static final long serialVersionUID = 1L;
    /** @serial the HTTP status of the answer */
    private final int status;

    /**
     * @param message what the server answered
     * @param url     the URL that was asked
     * @param status  the HTTP status
     */
    public FreeBusyHttpException(String message, String url, int status) {
        super(message, url, null);
        this.status = status;
    }

    /** {@return the HTTP status of the answer} */
    public int status() {
        return status;
    }
}
