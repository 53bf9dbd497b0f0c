package io.icesync.core.engine;

/**
 * When a cycle stops instead of deleting: a side that vanished (an unmounted disk, a restored
 * backup, a server that lists nothing) looks like a user who deleted everything, and a sync must never
 * pass that on. A cycle whose plan trips the guard writes nothing the guard covers and ends with a
 * {@link MassDeleteException} naming what would go; the caller confirms by running one cycle with
 * {@link #off()}.
 *
 * <p>The guard trips, on either side (deletions on the server, or deletions here):
 * <ul>
 * <li>when the local store says a part of it is missing or holds no folder
 * ({@link io.icesync.core.spi.LocalStore#emptyRoots()}) while synced folders kept there would be deleted
 * on the server;</li>
 * <li>when at least {@code folderMinimum} synced folders, and more than {@code folderShare} of them,
 * would be deleted on one side, or every synced folder (two or more);</li>
 * <li>per folder, when at least {@code itemMinimum} synced items, and more than {@code itemShare} of the
 * folder's synced items, would be deleted on one side, or every synced item of a folder that held at
 * least {@code emptiedFolderMinimum}. Trash and Junk folders are emptied by users all the time: their
 * items are not counted.</li>
 * </ul>
 * Defaults: 3 folders and half of them; 50 items and half of a folder's; a folder of 5 items or more
 * emptied.
 *
 * @param enabled              false for a guard that never trips ({@link #off()})
 * @param folderMinimum        how many folders deleted at once may trip the guard at least; 1 or more
 * @param folderShare          the share of the synced folders, from 0 to 1, that deleting more than trips it
 * @param itemMinimum          how many items of one folder deleted at once may trip it at least; 1 or more
 * @param itemShare            the share of a folder's synced items, from 0 to 1, that deleting more than trips it
 * @param emptiedFolderMinimum how many synced items a folder must hold for emptying it to trip the guard; 1 or more
 */
public record DeleteGuard(boolean enabled, int folderMinimum, double folderShare, int itemMinimum, double itemShare,
                          int emptiedFolderMinimum) {
    private static final DeleteGuard DEFAULTS = new DeleteGuard(true, 3, 0.5, 50, 0.5, 5);
    private static final DeleteGuard OFF = new DeleteGuard(false, 3, 0.5, 50, 0.5, 5);

    /**
     * Checks the limits.
     *
     * @param enabled              false for a guard that never trips
     * @param folderMinimum        the fewest folders deleted at once that may trip the guard; 1 or more
     * @param folderShare          the share of the synced folders, from 0 to 1
     * @param itemMinimum          the fewest items of one folder deleted at once that may trip it; 1 or more
     * @param itemShare            the share of a folder's synced items, from 0 to 1
     * @param emptiedFolderMinimum the fewest synced items of a folder whose emptying trips it; 1 or more
     * @throws IllegalArgumentException when a minimum is below 1 or a share outside 0 to 1
     */
    public DeleteGuard {
        if (folderMinimum < 1 || itemMinimum < 1 || emptiedFolderMinimum < 1) {
            throw new IllegalArgumentException("the delete guard's minimums must be 1 or more: folders " + folderMinimum
                    + ", items " + itemMinimum + ", emptied folder " + emptiedFolderMinimum);
        }
        if (!(folderShare >= 0 && folderShare <= 1) || !(itemShare >= 0 && itemShare <= 1)) {
            throw new IllegalArgumentException("the delete guard's shares must be between 0 and 1: folders "
                    + folderShare + ", items " + itemShare);
        }
    }

    /**
     * The guard a {@link SyncEngine} uses unless told otherwise.
     *
     * @return an enabled guard with the defaults above
     */
    public static DeleteGuard defaults() {
        return DEFAULTS;
    }

    /**
     * No guard: every deletion the sync finds is made. For the one cycle that confirms a refused one.
     *
     * @return a guard that never trips
     */
    public static DeleteGuard off() {
        return OFF;
    }

    /**
     * This guard with other folder limits.
     *
     * @param minimum the fewest folders deleted at once that may trip the guard; 1 or more
     * @param share   the share of the synced folders, from 0 to 1, that deleting more than trips it
     * @return a copy with the new limits
     * @throws IllegalArgumentException when a limit is out of range
     */
    public DeleteGuard withFolders(int minimum, double share) {
        return new DeleteGuard(enabled, minimum, share, itemMinimum, itemShare, emptiedFolderMinimum);
    }

    /**
     * This guard with other per-folder item limits.
     *
     * @param minimum the fewest items of one folder deleted at once that may trip the guard; 1 or more
     * @param share   the share of a folder's synced items, from 0 to 1, that deleting more than trips it
     * @return a copy with the new limits
     * @throws IllegalArgumentException when a limit is out of range
     */
    public DeleteGuard withItems(int minimum, double share) {
        return new DeleteGuard(enabled, folderMinimum, folderShare, minimum, share, emptiedFolderMinimum);
    }

    /**
     * This guard with another limit for emptied folders.
     *
     * @param minimum the fewest synced items a folder must hold for emptying it to trip the guard; 1 or more
     * @return a copy with the new limit
     * @throws IllegalArgumentException when {@code minimum} is below 1
     */
    public DeleteGuard withEmptiedFolderMinimum(int minimum) {
        return new DeleteGuard(enabled, folderMinimum, folderShare, itemMinimum, itemShare, minimum);
    }

    /**
     * Whether deleting {@code count} of {@code synced} synced folders on one side trips the guard.
     *
     * @param count  how many folders would be deleted
     * @param synced how many folders are synced
     * @return true when the cycle must stop instead; always false when the guard is off
     */
    public boolean tooManyFolders(int count, int synced) {
        return enabled && count > 0
                && ((count >= folderMinimum && count > folderShare * synced) || (count >= synced && synced >= 2));
    }

    /**
     * Whether deleting {@code count} of a folder's {@code synced} synced items on one side trips the guard.
     *
     * @param count  how many items would be deleted
     * @param synced how many items of the folder are synced
     * @return true when the cycle must stop instead; always false when the guard is off
     */

    public boolean tooManyItems(int count, int synced) {
        return enabled && count > 0
                && ((count >= itemMinimum && count > itemShare * synced)
                || (count >= synced && synced >= emptiedFolderMinimum));
    }
}
