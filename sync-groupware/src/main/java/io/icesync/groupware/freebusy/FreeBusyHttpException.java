package io.icesync.groupware.freebusy;

/** The free/busy server answered an HTTP status the look-up cannot use (403, 500, an unfollowed redirect...). */
public class FreeBusyHttpException extends FreeBusyException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public FreeBusyHttpException(String message, String url, int status) {
        super(message, url, null);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
