package io.icesync.core;

/**
 * A local store cannot move a folder whose kind changed on the server (it has sub-folders where it
 * is, for instance); thrown before the store changed anything. The folder keeps its old kind and place.
 */
public class KindChangeRefusedException extends StoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the folder, its new kind and why the store cannot move it
     */
    public KindChangeRefusedException(String message) {

        super(message, null);
    }
}
