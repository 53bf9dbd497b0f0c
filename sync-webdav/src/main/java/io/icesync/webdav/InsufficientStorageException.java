package io.icesync.webdav;

/** HTTP 507: the server has no room (quota or disk) for what was sent. */
public class InsufficientStorageException extends WebDavException {
    private static final long serialVersionUID = 1L;

    public InsufficientStorageException(String message, int status, String url) {
        super(message, status, url, null);
    }
}
