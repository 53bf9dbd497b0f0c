package io.icesync.webdav;

/** HTTP 409: the parent collection of the target does not exist, or the resource is in a state that forbids the change. */
public class DavConflictException extends WebDavException {
    private static final long serialVersionUID = 1L;

    /**
     * The error of one answer.
     *
     * @param message what failed, naming the operation and the resource
     * @param status  the HTTP status of the answer
     * @param url     the URL of the resource
     */
    public DavConflictException(String message, int status, String url) {
        super(message, status, url, null);
    }
}
