package io.icesync.webdav.dav;

import io.icesync.core.IceSyncException;

/**
 * An operation CalDAV and CardDAV cannot express, or this server does not offer: a mail folder, a
 * nested collection, a kind without a home set. Retrying does not help.
 */
public class DavUnsupportedException extends IceSyncException {
    private static final long serialVersionUID = 1L;

    /** @param message what cannot be expressed or is not offered */
    public DavUnsupportedException(String message) {
        super(message);
    }
}
