package io.icesync.core.spi;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;

/**
 * The last synced state of one folder: where it is, the local folder's id, and the server cursor.
 * {@code id} is assigned by the state store (0 before the first save). {@code cursor} is null
 * until the folder's items have been synced once.
 */
public record FolderState(long id, FolderPath path, FolderKind kind, String localId, RemoteCursor cursor) {
    public FolderState withPath(FolderPath p) {
        return new FolderState(id, p, kind, localId, cursor);
    }

    public FolderState withCursor(RemoteCursor c) {
        return new FolderState(id, path, kind, localId, c);
    }
}
