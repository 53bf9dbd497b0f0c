package io.icesync.core.engine;

import java.time.Duration;
import java.util.List;

/**
 * What a sync cycle did: folder tree changes, then one report per folder synced.
 */
public record SyncReport(List<String> structureChanges, List<FolderReport> folders, Duration took) {
    public SyncReport {
        structureChanges = List.copyOf(structureChanges);
        folders = List.copyOf(folders);
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

    /** One line for a person: "7 folders, 120 downloaded, 2 uploaded, 0 failed in 1.2 s". */
    public String summary() {
        int flags = folders.stream().mapToInt(f -> f.flagsToServer() + f.flagsToLocal()).sum();
        int deleted = folders.stream().mapToInt(f -> f.deletedOnServer() + f.deletedLocally()).sum();
        int moved = folders.stream().mapToInt(FolderReport::movedOnServer).sum();
        long errors = folders.stream().filter(f -> f.error() != null).count();
        return String.format(java.util.Locale.ROOT,
                "%d folders, %d downloaded, %d uploaded, %d flag changes, %d deleted, %d moved, %d failed%s, %d folder changes in %.1f s",
                folders.size(), downloaded(), uploaded(), flags, deleted, moved, failed(),
                errors > 0 ? ", " + errors + " folder errors" : "", structureChanges.size(), took.toMillis() / 1000.0);
    }
}
