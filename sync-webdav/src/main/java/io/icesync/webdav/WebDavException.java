package io.icesync.webdav;

import io.icesync.core.IceSyncException;

/**
 * The WebDAV server answered with a status the operation cannot accept. Carries the status and the
 * URL (never credentials); the subtype says what the caller can do about it.
 */
public abstract class WebDavException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    /** @serial the HTTP status of the answer */
    private final int status;
    /** @serial the URL of the resource */
    private final String url;

    /**
     * The error of one answer.
     *
     * @param message what failed, naming the operation and the resource
     * @param status  the HTTP status of the answer
     * @param url     the URL of the resource
     * @param cause   the underlying failure, or null
     */
    protected WebDavException(String message, int status, String url, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.url = url;
    }

    /** {@return the HTTP status of the answer that failed the operation} */
    public int status() {
        return status;
    }

    /** {@return the URL of the resource the operation was about} */
    public String url() {
        return url;
    }
}
