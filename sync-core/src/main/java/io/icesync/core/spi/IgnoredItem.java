package io.icesync.core.spi;

import io.icesync.core.FolderPath;
import java.time.Instant;

/**
 * An item that failed to sync (F4.7). After {@code failures} reaches 3 it is ignored until the
 * folder is synced with "synchronise all" or the list is cleared.
 *
 * @param folder      the item's folder
 * @param key a stable key of the item within the folder: {@code uid:N} or {@code local:ID}
 * @param description what the item is, to show to the user
 * @param failures    how many times in a row it failed
 * @param lastError   what went wrong the last time
 * @param lastFailure when it failed the last time
 */
public record IgnoredItem(FolderPath folder, String key, String description, int failures,
                          String lastError, Instant lastFailure) {
    /** How many failures make an item ignored. */
    public static final int LIMIT = 3;

    /**
     * Tells whether sync now skips the item.
     *
     * @return true once {@code failures} reached {@link #LIMIT}
     */
    public boolean ignored() {

        return failures >= LIMIT;
    }
}
