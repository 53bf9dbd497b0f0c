package io.icesync.client;

import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;

/** A change of a folder whose rights follow its parent's (F8.3): cancel the inheritance first. */
public class InheritedRightsException extends IceSyncException {
    private final FolderPath folder;

    public InheritedRightsException(FolderPath folder) {
        super("the rights of '" + folder + "' follow those of '" + folder.parent() + "': cancel the inheritance"
                + " (share inherit --cancel) before changing them");
        this.folder = folder;
    }

    /** The folder whose rights follow its parent's. */
    public FolderPath folder() {
        return folder;
    }
}
