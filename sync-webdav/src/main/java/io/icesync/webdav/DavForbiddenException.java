package io.icesync.webdav;

/** HTTP 403: the account may not do this to the resource (rights, or a server rule). Retrying will not help. */
public class DavForbiddenException extends WebDavException {
    private static final long serialVersionUID = 1L;

    public DavForbiddenException(String message, int status, String url) {
        super(message, status, url, null);
    }
}
