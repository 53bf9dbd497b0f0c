package io.icesync.client;

import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;

/** A change of a folder whose rights follow its parent's (F8.3): cancel the inheritance first. */
public class InheritedRightsException extends IceSyncException {
    /** The folder whose rights follow its parent's. */
    private final FolderPath folder;

    /** @param folder the folder whose rights follow its parent's; the message names it and its parent */
    public InheritedRightsException(FolderPath folder) {
        super("the rights of '" + folder + "' follow those of '" + folder.parent() + "': cancel the inheritance"
                + " (share inherit --cancel) before changing them");
        this.folder = folder;
    }

    /**
     * The folder whose rights follow its parent's.
     *
     * @return the folder the change was refused for
     */
    public FolderPath folder() {
        return folder;
    }
}
