package io.icesync.client;

import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;

/** A subscribe or refuse of a folder no other user shares with this one (or no longer does). */
public class ShareNotFoundException extends IceSyncException {
    /** The folder asked for. */
    private final FolderPath folder;

    /**
     * @param folder the folder asked for
     * @param known  the folders shared with the user, comma separated, for the message; {@code ""} when none is
     */
    public ShareNotFoundException(FolderPath folder, String known) {
        super("no folder '" + folder + "' is shared with you" + (known.isEmpty() ? " (none is)"
                : " (shared with you: " + known + ")"));
        this.folder = folder;
    }

    /**
     * The folder asked for.
     *
     * @return the folder as given to the subscribe or refuse
     */
    public FolderPath folder() {
        return folder;
    }
}
