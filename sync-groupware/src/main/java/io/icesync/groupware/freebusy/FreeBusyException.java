package io.icesync.groupware.freebusy;

import io.icesync.core.IceSyncException;

/** A free/busy look-up failed for a reason the server or the template gave; {@link #url()} says where. */
public class FreeBusyException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    /** @serial the URL that was asked, or null */
    private final String url;

    /**
     * @param message what failed
     * @param url     the URL that was asked, or null when none could be built
     * @param cause   the underlying failure, or null
     */
    public FreeBusyException(String message, String url, Throwable cause) {
        super(message, cause);
        this.url = url;
    }

    /** {@return the URL that was asked, or null when none could be built} */
    public String url() {
        return url;
    }
}
