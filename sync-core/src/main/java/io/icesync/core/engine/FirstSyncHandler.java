package io.icesync.core.engine;

/** Asked once, on the first sync of a non-empty local store (F4.8). */
@FunctionalInterface
public interface FirstSyncHandler {
    /**
     * Chooses what the first sync does with the local items.
     *
     * @param localItems how many items the local store holds
     * @return the choice, or null to make the first sync fail instead
     */

    FirstSyncChoice choose(long localItems);

    /** No choice made: the first sync of a non-empty local store fails with a message saying so. */
    FirstSyncHandler REFUSE = n -> null;
}
