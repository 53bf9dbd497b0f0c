package io.icesync.webdav;

/** An answer no operation expects (a redirect not followed, 400, 405, a server error...): the message quotes the status line. */
public class UnexpectedStatusException extends WebDavException {
    private static final long serialVersionUID = 1L;

    /**
     * The error of one answer.
     *
     * @param message what failed, naming the operation and the resource
     * @param status  the HTTP status of the answer
     * @param url     the URL of the resource
     */
    public UnexpectedStatusException(String message, int status, String url) {
        super(message, status, url, null);
    }
}
