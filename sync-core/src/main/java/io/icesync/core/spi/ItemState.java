package io.icesync.core.spi;

import io.icesync.core.Flags;

/**
 * One synced pair: the server item {@code uid} of folder {@code folderId} is the local item
 * {@code localId}, and both had {@code flags} when last synced. {@code partial} marks an item of
 * which only the headers were downloaded (F4.6). {@code messageId} may be null.
 */
public record ItemState(long folderId, long uid, String localId, Flags flags, long size,
                        String messageId, boolean partial) {
    public ItemState withFlags(Flags f) {
        return new ItemState(folderId, uid, localId, f, size, messageId, partial);
    }

    public ItemState withUid(long u) {
        return new ItemState(folderId, u, localId, flags, size, messageId, partial);
    }
}
