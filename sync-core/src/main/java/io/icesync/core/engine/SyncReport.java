package io.icesync.core.engine;

import java.time.Duration;
import java.util.List;

/**
 * What a sync cycle did: folder tree changes, one report per folder synced, and the server folders
 * whose items it left alone on purpose ({@code notSynced}: they are no error, but never silent).
 *
 * @param structureChanges the folder tree changes, one line each, for a person
 * @param folders          one report per folder whose items were synced
 * @param took             how long the cycle ran
 * @param notSynced        the server folders whose items were left alone on purpose
 */
public record SyncReport(List<String> structureChanges, List<FolderReport> folders, Duration took,
                         List<UnsyncedFolder> notSynced) {
    /**
     * Copies the lists.
     *
     * @param structureChanges the folder tree changes; not null
     * @param folders          one report per folder synced; not null
     * @param took             how long the cycle ran
     * @param notSynced        the folders left alone on purpose; null is taken as none
     */
    public SyncReport {
        structureChanges = List.copyOf(structureChanges);
        folders = List.copyOf(folders);
        notSynced = notSynced == null ? List.of() : List.copyOf(notSynced);
    }

    /**
     * A report with no folder left unsynced.
     *
     * @param structureChanges the folder tree changes; not null
     * @param folders          one report per folder synced; not null
     * @param took             how long the cycle ran
     */
    public SyncReport(List<String> structureChanges, List<FolderReport> folders, Duration took) {
        this(structureChanges, folders, took, List.of());
    }

    /**
     * Whether every folder synced.
     *
     * @return true when no folder report has an error; failed items alone do not count
     */
    public boolean ok() {
        return folders.stream().allMatch(f -> f.error() == null);
    }

    /**
     * Whether the cycle changed anything.
     *
     * @return true when it changed folders or items on either side
     */
    public boolean changedAnything() {
        return !structureChanges.isEmpty() || folders.stream().anyMatch(FolderReport::changedAnything);
    }

    /**
     * Totals the downloads.
     *
     * @return how many items were downloaded, in all folders
     */
    public int downloaded() {
        return folders.stream().mapToInt(FolderReport::downloaded).sum();
    }

    /**
     * Totals the uploads.
     *
     * @return how many items were uploaded, in all folders
     */
    public int uploaded() {
        return folders.stream().mapToInt(FolderReport::uploaded).sum();
    }

    /**
     * Totals the item failures.
     *
     * @return how many items failed, in all folders
     */
    public int failed() {
        return folders.stream().mapToInt(FolderReport::failed).sum();
    }

    /**
     * Sums the cycle up for a person.
     *
     * @return one line, such as "7 folders, 120 downloaded, 2 uploaded, 0 flag changes, 0 deleted,
     *         0 moved, 0 failed, 1 folder not synced, 0 folder changes in 1.2 s"
     */

    public String summary() {
        int flags = folders.stream().mapToInt(f -> f.flagsToServer() + f.flagsToLocal()).sum();
        int deleted = folders.stream().mapToInt(f -> f.deletedOnServer() + f.deletedLocally()).sum();
        int moved = folders.stream().mapToInt(FolderReport::movedOnServer).sum();
        long errors = folders.stream().filter(f -> f.error() != null).count();
        return String.format(java.util.Locale.ROOT,
                "%d folders, %d downloaded, %d uploaded, %d flag changes, %d deleted, %d moved, %d failed%s%s, %d folder changes in %.1f s",
                folders.size(), downloaded(), uploaded(), flags, deleted, moved, failed(),
                errors > 0 ? ", " + errors + " folder errors" : "",
                notSynced.isEmpty() ? ""
                        : ", " + notSynced.size() + (notSynced.size() == 1 ? " folder" : " folders") + " not synced",
                structureChanges.size(), took.toMillis() / 1000.0);
    }
}
