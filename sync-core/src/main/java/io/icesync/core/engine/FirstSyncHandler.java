package io.icesync.core.engine;

/** Asked once, on the first sync of a non-empty local store (F4.8). */
@FunctionalInterface
public interface FirstSyncHandler {
    /** @param localItems how many items the local store holds */
    FirstSyncChoice choose(long localItems);

    /** No choice made: the first sync of a non-empty local store fails with a message saying so. */
    FirstSyncHandler REFUSE = n -> null;
}
