package io.icesync.webdav;

/** HTTP 404: the resource, or for a move or copy its source, does not exist (any more). */
public class DavNotFoundException extends WebDavException {
    private static final long serialVersionUID = 1L;

    public DavNotFoundException(String message, int status, String url) {
        super(message, status, url, null);
    }
}
