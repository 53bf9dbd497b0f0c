package io.icesync.core;

/** A folder the operation needs does not exist (any more) on that side. */
public class FolderNotFoundException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    /** The folder that does not exist. */
    private final FolderPath path;

    /**
     * Creates the exception.
     *
     * @param path the folder that does not exist
     * @param side where it was looked for, as the message says it (e.g. {@code local store})
     */
    public FolderNotFoundException(FolderPath path, String side) {
        super("folder '" + path + "' does not exist on the " + side);
        this.path = path;
    }

    /**
     * The folder that does not exist.
     *
     * @return its path
     */
    public FolderPath path() {

        return path;
    }
}
