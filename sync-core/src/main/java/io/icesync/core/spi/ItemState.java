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
 *
 * @param folderId     the state store's id of the folder ({@link FolderState#id()})
 * @param uid          the server item's UID
 * @param localId      the local item's id ({@link LocalItem#id()})
 * @param flags        the flags both sides had when last synced
 * @param size         the item's size in bytes
 * @param messageId    the item's Message-ID, or null
 * @param partial      true when only the headers were downloaded
 * @param key          the object's own identity (iCalendar or vCard UID), or null
 * @param localVersion the local version last synced, or null
 */
public record ItemState(long folderId, long uid, String localId, Flags flags, long size,
                        String messageId, boolean partial, String key, String localVersion) {

    /**
     * A pair of items whose content never changes (mail): no key, no version.
     *
     * @param folderId  the state store's id of the folder
     * @param uid       the server item's UID
     * @param localId   the local item's id
     * @param flags     the flags both sides had when last synced
     * @param size      the item's size in bytes
     * @param messageId the item's Message-ID, or null
     * @param partial   true when only the headers were downloaded
     */
    public ItemState(long folderId, long uid, String localId, Flags flags, long size, String messageId, boolean partial) {
        this(folderId, uid, localId, flags, size, messageId, partial, null, null);
    }

    /**
     * The same pair after a flag sync.
     *
     * @param f the flags both sides have now
     * @return a copy with {@code f} as its flags
     */
    public ItemState withFlags(Flags f) {
        return new ItemState(folderId, uid, localId, f, size, messageId, partial, key, localVersion);
    }

    /**
     * The same pair after the server item got a new UID (a move or a new version).
     *
     * @param u the new UID
     * @return a copy with {@code u} as its UID
     */
    public ItemState withUid(long u) {
        return new ItemState(folderId, u, localId, flags, size, messageId, partial, key, localVersion);
    }

    /**
     * The same pair with the object's key and the local version last synced.
     *
     * @param objectKey the object's own identity, or null
     * @param version   the local store's version of the content, or null
     * @return a copy with both set
     */

    public ItemState withVersion(String objectKey, String version) {
        return new ItemState(folderId, uid, localId, flags, size, messageId, partial, objectKey, version);
    }
}
