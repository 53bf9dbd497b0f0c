package io.icesync.webdav;

import io.icesync.core.IceSyncException;

/**
 * The WebDAV server answered with a status the operation cannot accept. Carries the status and the
 * URL (never credentials); the subtype says what the caller can do about it.
 */
public abstract class WebDavException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String url;

    protected WebDavException(String message, int status, String url, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.url = url;
    }

    /** The HTTP status of the answer that failed the operation. */
    public int status() {
        return status;
    }

    /** The URL of the resource the operation was about. */
    public String url() {
        return url;
    }
}
