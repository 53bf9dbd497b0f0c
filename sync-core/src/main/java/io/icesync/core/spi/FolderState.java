package io.icesync.core.spi;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;

/**
 * The last synced state of one folder: where it is, the local folder's id, and the server cursor.
 * {@code id} is assigned by the state store (0 before the first save). {@code cursor} is null
 * until the folder's items have been synced once.
 *
 * @param id      the state store's id of the folder row, 0 before the first save
 * @param path    the folder's path, the same on both sides
 * @param kind    what the folder holds
 * @param localId the local store's id of the folder ({@link LocalFolder#id()})
 * @param cursor  where the last sync of the folder's items left the server, or null
 */
public record FolderState(long id, FolderPath path, FolderKind kind, String localId, RemoteCursor cursor) {
    /**
     * The same folder at another path (after a rename or move).
     *
     * @param p the new path
     * @return a copy with {@code p} as its path
     */
    public FolderState withPath(FolderPath p) {
        return new FolderState(id, p, kind, localId, cursor);
    }

    /**
     * The same folder after a sync of its items.
     *
     * @param c the server cursor now, or null to have the next sync list the folder in full
     * @return a copy with {@code c} as its cursor
     */
    public FolderState withCursor(RemoteCursor c) {

        return new FolderState(id, path, kind, localId, c);
    }
}
