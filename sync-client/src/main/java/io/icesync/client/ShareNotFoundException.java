package io.icesync.client;

import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;

/** A subscribe or refuse of a folder no other user shares with this one (or no longer does). */
public class ShareNotFoundException extends IceSyncException {
    private final FolderPath folder;

    public ShareNotFoundException(FolderPath folder, String known) {
        super("no folder '" + folder + "' is shared with you" + (known.isEmpty() ? " (none is)"
                : " (shared with you: " + known + ")"));
        this.folder = folder;
    }

    /** The folder asked for. */
    public FolderPath folder() {
        return folder;
    }
}
