package io.icesync.core.spi;

import io.icesync.core.Flags;

/**
 * One synced pair: the server item {@code uid} of folder {@code folderId} is the local item
 * {@code localId}, and both had {@code flags} when last synced. {@code partial} marks an item of
 * which only the headers were downloaded (F4.6). {@code messageId} may be null.
 *
 * <p>For items whose content changes (events, contacts, documents), {@code key} is the object's own
 * identity (an iCalendar or vCard UID) and {@code localVersion} the local store's version of the
 * content when last synced (see {@link LocalItem#version()}); both are null for mail.
 */
public record ItemState(long folderId, long uid, String localId, Flags flags, long size,
                        String messageId, boolean partial, String key, String localVersion) {

    /** A pair of items whose content never changes (mail). */
    public ItemState(long folderId, long uid, String localId, Flags flags, long size, String messageId, boolean partial) {
        this(folderId, uid, localId, flags, size, messageId, partial, null, null);
    }

    public ItemState withFlags(Flags f) {
        return new ItemState(folderId, uid, localId, f, size, messageId, partial, key, localVersion);
    }

    public ItemState withUid(long u) {
        return new ItemState(folderId, u, localId, flags, size, messageId, partial, key, localVersion);
    }

    /** The same pair with the object's key and the local version last synced. */
    public ItemState withVersion(String objectKey, String version) {
        return new ItemState(folderId, uid, localId, flags, size, messageId, partial, objectKey, version);
    }
}
