package io.icesync.core;

/**
 * A change the user's own rights on a folder do not allow, found before anything is sent (the
 * server's MYRIGHTS): names the folder and the right missing.
 */
public class MissingRightException extends IceSyncException {
    /** The folder the change was for. */
    private final FolderPath folder;
    /** The right that is missing. */
    private final Right missing;

    /**
     * Creates the exception with a message that names the folder, the right and the rights held.
     *
     * @param folder  the folder
     * @param missing the right the change needs
     * @param action  what was refused, e.g. "change who may use it"
     * @param held    the letters the server gives the user there
     */
    public MissingRightException(FolderPath folder, Right missing, String action, String held) {
        super("cannot " + action + " '" + folder + "': you need the right '" + missing.letter() + "' ("
                + missing.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ") there and the server gives you '"
                + held + "'");
        this.folder = folder;
        this.missing = missing;
    }

    /**
     * The folder the change was for.
     *
     * @return its path
     */
    public FolderPath folder() {
        return folder;
    }

    /**
     * The right that is missing.
     *
     * @return the RFC 4314 right the change needs
     */
    public Right missing() {

        return missing;
    }
}
