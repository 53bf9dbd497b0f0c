package io.icesync.core;

/** A folder the operation needs does not exist (any more) on that side. */
public class FolderNotFoundException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    private final FolderPath path;

    public FolderNotFoundException(FolderPath path, String side) {
        super("folder '" + path + "' does not exist on the " + side);
        this.path = path;
    }

    public FolderPath path() {
        return path;
    }
}
