package io.icesync.core.engine;

import java.time.Duration;
import java.util.List;

/**
 * What a sync cycle did: folder tree changes, one report per folder synced, and the server folders
 * whose items it left alone on purpose ({@code notSynced}: they are no error, but never silent).
 */
public record SyncReport(List<String> structureChanges, List<FolderReport> folders, Duration took,
                         List<UnsyncedFolder> notSynced) {
    public SyncReport {
        structureChanges = List.copyOf(structureChanges);
        folders = List.copyOf(folders);
        notSynced = notSynced == null ? List.of() : List.copyOf(notSynced);
    }

    /** A report with no folder left unsynced. */
    public SyncReport(List<String> structureChanges, List<FolderReport> folders, Duration took) {
        this(structureChanges, folders, took, List.of());
    }

    public boolean ok() {
        return folders.stream().allMatch(f -> f.error() == null);
    }

    /** True when the cycle changed anything on either side (folders or items). */
    public boolean changedAnything() {
        return !structureChanges.isEmpty() || folders.stream().anyMatch(FolderReport::changedAnything);
    }

    public int downloaded() {
        return folders.stream().mapToInt(FolderReport::downloaded).sum();
    }

    public int uploaded() {
        return folders.stream().mapToInt(FolderReport::uploaded).sum();
    }

    public int failed() {
        return folders.stream().mapToInt(FolderReport::failed).sum();
    }

    /** One line for a person: "7 folders, 120 downloaded, 2 uploaded, 0 failed[, 1 folder not synced] in 1.2 s". */
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
