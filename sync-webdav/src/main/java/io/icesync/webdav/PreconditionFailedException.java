package io.icesync.webdav;

/** HTTP 412: the resource changed since its ETag was read, it already exists where only creation was allowed, or a move or copy would overwrite when told not to. Re-read it before deciding. */
public class PreconditionFailedException extends WebDavException {
    private static final long serialVersionUID = 1L;

    /**
     * The error of one answer.
     *
     * @param message what failed, naming the operation and the resource
     * @param status  the HTTP status of the answer
     * @param url     the URL of the resource
     */
    public PreconditionFailedException(String message, int status, String url) {
        super(message, status, url, null);
    }
}
