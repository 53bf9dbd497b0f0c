package io.icesync.webdav;

/** An answer no operation expects (a redirect not followed, 400, 405, a server error...): the message quotes the status line. */
public class UnexpectedStatusException extends WebDavException {
    private static final long serialVersionUID = 1L;

    public UnexpectedStatusException(String message, int status, String url) {
        super(message, status, url, null);
    }
}
