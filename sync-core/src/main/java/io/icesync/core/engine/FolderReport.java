package io.icesync.core.engine;

import io.icesync.core.FolderPath;

/**
 * What one folder's sync did. {@code error} is null when the folder synced; else it says why not.
 *
 * @param folder          the folder
 * @param downloaded      items downloaded to the local store
 * @param uploaded        items uploaded to the server
 * @param flagsToServer   items whose flags changed on the server
 * @param flagsToLocal    items whose flags changed locally
 * @param deletedOnServer items deleted on the server
 * @param deletedLocally  items deleted locally
 * @param movedOnServer   items moved on the server
 * @param failed          items that failed to sync (see {@link SyncEngine#failures()})
 * @param error           why the folder did not sync, or null when it did
 */
public record FolderReport(FolderPath folder, int downloaded, int uploaded, int flagsToServer,
                           int flagsToLocal, int deletedOnServer, int deletedLocally, int movedOnServer,
                           int failed, String error) {
    /**
     * Whether the folder's sync changed anything.
     *
     * @return true when an item was downloaded, uploaded, re-flagged, deleted or moved
     */
    public boolean changedAnything() {

        return downloaded + uploaded + flagsToServer + flagsToLocal + deletedOnServer + deletedLocally
                + movedOnServer > 0;
    }
}
