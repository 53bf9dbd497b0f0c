package io.icesync.core.engine;

import io.icesync.core.FolderPath;

/**
 * What one folder's sync did. {@code error} is null when the folder synced; else it says why not.
 */
public record FolderReport(FolderPath folder, int downloaded, int uploaded, int flagsToServer,
                           int flagsToLocal, int deletedOnServer, int deletedLocally, int movedOnServer,
                           int failed, String error) {
    public boolean changedAnything() {
        return downloaded + uploaded + flagsToServer + flagsToLocal + deletedOnServer + deletedLocally
                + movedOnServer > 0;
    }
}
