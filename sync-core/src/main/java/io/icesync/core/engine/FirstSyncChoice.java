package io.icesync.core.engine;

/**
 * What to do when the first sync of a profile finds a local store that already holds items (F4.8).
 */
public enum FirstSyncChoice {
    /** Delete every local item and folder first, then download the server's (irreversible). */
    DELETE_LOCAL,
    /** Keep local items: items also on the server are matched, the others are uploaded. */
    UPLOAD_LOCAL
}
