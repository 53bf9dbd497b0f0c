package io.icesync.core.spi;

import io.icesync.core.Flags;

/**
 * An item in the local store. {@code id} is stable across flag changes and moves between folders;
 * {@code uidHint} is the server UID the store recorded when the item was downloaded (0 if none), used
 * to adopt an item written just before a crash instead of downloading it again.
 *
 * <p>Stores of items whose content changes (a vdir of events or contacts) also give {@code key}, the
 * object's own identity (its iCalendar or vCard UID), and {@code version}, a value that changes
 * exactly when the content changes in a way that matters (a content hash that ignores property
 * order, for instance). Both are null for mail, whose content never changes.
 *
 * <p>{@code name} is the item's name in the store, for stores whose items have names of their own
 * (a document's file name). It is null where items have none (mail). The engine hands it to
 * {@link RemoteStore#append(io.icesync.core.FolderPath, Flags, java.time.Instant, long, String, ContentSource)}
 * when the item is uploaded, as a hint for the server copy's name; it plays no part in the item's
 * identity, which is {@code id} alone.
 *
 * @param id      the item's id in the store
 * @param flags   its flags and keywords
 * @param size    its size in bytes
 * @param uidHint the server UID recorded at download, or 0
 * @param key     the object's own identity, or null
 * @param version the content's version, or null
 * @param name    the item's name in the store, or null where items have none
 */
public record LocalItem(String id, Flags flags, long size, long uidHint, String key, String version, String name) {

    /**
     * An item whose content never changes (mail).
     *
     * @param id      the item's id in the store
     * @param flags   its flags and keywords
     * @param size    its size in bytes
     * @param uidHint the server UID recorded at download, or 0
     */
    public LocalItem(String id, Flags flags, long size, long uidHint) {
        this(id, flags, size, uidHint, null, null, null);
    }

    /**
     * An item without a name: an event or a contact with its key and version (mail: both null).
     *
     * @param id      the item's id in the store
     * @param flags   its flags and keywords
     * @param size    its size in bytes
     * @param uidHint the server UID recorded at download, or 0
     * @param key     the object's own identity, or null
     * @param version the content's version, or null
     */

    public LocalItem(String id, Flags flags, long size, long uidHint, String key, String version) {
        this(id, flags, size, uidHint, key, version, null);
    }
}
