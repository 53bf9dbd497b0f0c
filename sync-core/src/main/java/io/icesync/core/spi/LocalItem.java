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
 */
public record LocalItem(String id, Flags flags, long size, long uidHint, String key, String version) {

    /** An item whose content never changes (mail). */
    public LocalItem(String id, Flags flags, long size, long uidHint) {
        this(id, flags, size, uidHint, null, null);
    }
}
