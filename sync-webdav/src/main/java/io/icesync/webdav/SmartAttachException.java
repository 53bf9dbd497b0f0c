package io.icesync.webdav;

import io.icesync.core.IceSyncException;

/**
 * A SmartAttach message or link cannot be used: the message is not readable MIME, or a link points
 * outside the WebDAV server the client signs in to (the credentials are not sent there).
 */
public class SmartAttachException extends IceSyncException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what cannot be used, and why
     * @param cause   the MIME parser's failure, or null
     */
    public SmartAttachException(String message, Throwable cause) {
        super(message, cause);
    }
}
