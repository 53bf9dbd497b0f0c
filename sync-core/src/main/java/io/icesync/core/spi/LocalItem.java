package io.icesync.core.spi;

import io.icesync.core.Flags;

/**
 * An item in the local store. {@code id} is stable across flag changes and moves between folders;
 * {@code uidHint} is the server UID the store recorded when the item was downloaded (0 if none), used
 * to adopt an item written just before a crash instead of downloading it again.
 */
public record LocalItem(String id, Flags flags, long size, long uidHint) {
}
