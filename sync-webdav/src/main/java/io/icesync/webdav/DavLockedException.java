package io.icesync.webdav;

/** HTTP 423: the resource is locked by someone else; retrying later may work. */
public class DavLockedException extends WebDavException {
    private static final long serialVersionUID = 1L;

    /**
     * The error of one answer.
     *
     * @param message what failed, naming the operation and the resource
     * @param status  the HTTP status of the answer
     * @param url     the URL of the resource
     */
    public DavLockedException(String message, int status, String url) {
        super(message, status, url, null);
    }
}
