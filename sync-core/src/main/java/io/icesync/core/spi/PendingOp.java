package io.icesync.core.spi;

import io.icesync.core.FolderPath;

/**
 * An intent written before an action whose result cannot be re-read if the process dies in the
 * middle (APPEND, MOVE, folder rename, the expunge of a replaced version). On start, each pending op is resolved by looking at both
 * sides, never by redoing it blindly. {@code id} is assigned by the state store.
 *
 * @param id         the state store's id of the intent, 0 before it is saved
 * @param kind       what was about to happen
 * @param folder     the folder the action started from
 * @param target     the destination folder of a move or rename, else null
 * @param localId    the local item concerned, else null
 * @param uid        the server UID concerned (source UID of a move), else 0
 * @param messageId  the item's Message-ID, to find it on the server, else null
 * @param size       the item's size in bytes, else 0
 */
public record PendingOp(long id, Kind kind, FolderPath folder, FolderPath target, String localId,
                        long uid, String messageId, long size) {
    /**
     * APPEND, MOVE and RENAME_FOLDER as their names say; EXPUNGE removes the server item {@code uid}
     * that a new version replaced, checked by {@code messageId} before it is removed; DROP_LOCAL
     * removes the local copy {@code localId} of an object gone from the server, and its pair;
     * CHANGE_KIND moves the local copy of {@code folder}, whose local id was {@code localId}, to where
     * the kind named by {@code messageId} (a {@link io.icesync.core.FolderKind} name) lives
     * ({@link LocalStore#changeKind}).
     */
    public enum Kind {
        /** A local item being added to the server. */
        APPEND,
        /** Server items being moved to {@code target}. */
        MOVE,
        /** A folder being renamed or moved to {@code target}. */
        RENAME_FOLDER,
        /** The server item {@code uid} that a new version replaced, being removed. */
        EXPUNGE,
        /** The local copy {@code localId} of an object gone from the server, being removed with its pair. */
        DROP_LOCAL,
        /** The local copy of {@code folder} being moved to where its new kind lives. */
        CHANGE_KIND
    }

}
