package io.icesync.webdav;

/** HTTP 404: the resource, or for a move or copy its source, does not exist (any more). */
public class DavNotFoundException extends WebDavException {
    private static final long serialVersionUID = 1L;

    /**
     * The error of one answer.
     *
     * @param message what failed, naming the operation and the resource
     * @param status  the HTTP status of the answer
     * @param url     the URL of the resource
     */
    public DavNotFoundException(String message, int status, String url) {
        super(message, status, url, null);
    }
}
