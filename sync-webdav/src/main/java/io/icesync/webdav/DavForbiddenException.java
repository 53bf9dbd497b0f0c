package io.icesync.webdav;

/** HTTP 403: the account may not do this to the resource (rights, or a server rule). Retrying will not help. */
public class DavForbiddenException extends WebDavException {
    private static final long serialVersionUID = 1L;

    /**
     * The error of one answer.
     *
     * @param message what failed, naming the operation and the resource
     * @param status  the HTTP status of the answer
     * @param url     the URL of the resource
     */
    public DavForbiddenException(String message, int status, String url) {
        super(message, status, url, null);
    }
}
