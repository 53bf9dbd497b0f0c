package io.icesync.webdav.dav;

import io.icesync.core.FolderPath;
import io.icesync.webdav.DavForbiddenException;

/**
 * The server refused (403) to add, change or delete an item of a calendar or address book: the
 * collection is read-only for this account, at least for that operation. Names the folder; the
 * status and URL are those of the refused request. Retrying does not help; the sync then reverts
 * the local change or reports it, as its settings say, once the collection's rights show it.
 */
public class DavReadOnlyException extends DavForbiddenException {
    private static final long serialVersionUID = 1L;
    // FolderPath is not Serializable; a deserialised copy keeps the message only.
    private final transient FolderPath folder;

    /**
     * @param folder the calendar or address book that refused the change
     * @param what   the refused operation, for the message (e.g. "change an event")
     * @param cause  the server's 403, whose status and URL this keeps
     */
    public DavReadOnlyException(FolderPath folder, String what, DavForbiddenException cause) {
        super("the server does not let this account " + what + " in '" + folder + "' (" + cause.getMessage()
                + "): the collection is read-only", cause.status(), cause.url());
        this.folder = folder;
    }

    /** {@return the calendar or address book that refused the change; null in a deserialised copy} */
    public FolderPath folder() {
        return folder;
    }
}
