package io.icesync.core.spi;

/** How much of an item to download (F4.6). */
public enum FetchMode {
    /** The whole item. */
    FULL,
    /** The header section only; the item is completed later when opened or when the threshold allows. */
    HEADERS
}
