package io.icesync.webdav;

/** HTTP 409: the parent collection of the target does not exist, or the resource is in a state that forbids the change. */
public class DavConflictException extends WebDavException {
    private static final long serialVersionUID = 1L;

    public DavConflictException(String message, int status, String url) {
        super(message, status, url, null);
    }
}
