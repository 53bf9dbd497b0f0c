package io.icesync.core.spi;

import io.icesync.core.FolderPath;
import java.time.Instant;

/**
 * An item that failed to sync (F4.7). After {@code failures} reaches 3 it is ignored until the
 * folder is synced with "synchronise all" or the list is cleared.
 *
 * @param key a stable key of the item within the folder: {@code uid:N} or {@code local:ID}
 */
public record IgnoredItem(FolderPath folder, String key, String description, int failures,
                          String lastError, Instant lastFailure) {
    public static final int LIMIT = 3;

    public boolean ignored() {
        return failures >= LIMIT;
    }
}
