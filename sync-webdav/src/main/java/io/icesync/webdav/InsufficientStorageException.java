package io.icesync.webdav;

/** HTTP 507: the server has no room (quota or disk) for what was sent. */
public class InsufficientStorageException extends WebDavException {
    private static final long serialVersionUID = 1L;

    /**
     * The error of one answer.
     *
     * @param message what failed, naming the operation and the resource
     * @param status  the HTTP status of the answer
     * @param url     the URL of the resource
     */
    public InsufficientStorageException(String message, int status, String url) {
        super(message, status, url, null);
    }
}
