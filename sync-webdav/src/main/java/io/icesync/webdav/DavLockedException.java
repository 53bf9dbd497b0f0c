package io.icesync.webdav;

/** HTTP 423: the resource is locked by someone else; retrying later may work. */
public class DavLockedException extends WebDavException {
    private static final long serialVersionUID = 1L;

    public DavLockedException(String message, int status, String url) {
        super(message, status, url, null);
    }
}
