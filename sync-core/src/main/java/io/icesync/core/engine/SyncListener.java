package io.icesync.core.engine;

import io.icesync.core.FolderPath;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.SessionEvent;
import java.util.List;

/**
 * Everything a sync shows a person, as it happens (F11). All methods have empty defaults;
 * they run on the sync thread, so keep them short. An exception a listener throws is logged and
 * ignored: it never stops the sync (use {@link SyncEngine#cancel()} for that).
 */
public interface SyncListener {
    /**
     * A session log entry was written (F11.2).
     *
     * @param event the entry
     */
    default void onEvent(SessionEvent event) {
    }

    /**
     * The counters changed (F11.1).
     *
     * @param counters the counters now
     */
    default void onCounters(SyncCounters counters) {
    }

    /**
     * An item failed; {@code item.ignored()} tells whether it is now on the ignored list (F4.7).
     *
     * @param item the item's failure record, with the count so far
     */
    default void onItemFailed(IgnoredItem item) {
    }

    /**
     * New mail arrived in a folder (F11.5): where, how many, and how long to show the notification.
     *
     * @param event the new mail
     */
    default void onNewMail(NewMail event) {
    }

    /**
     * Mail items marked read here (by their local ids) whose \Seen this cycle has just taken to the
     * server and recorded: what read receipts (F6.5) answer to. Told once per change.
     *
     * @param folder   the items' folder
     * @param localIds the local ids of the items marked read
     */
    default void onMarkedRead(FolderPath folder, List<String> localIds) {
    }

    /**
     * A folder's sync starts; {@code index} of {@code total} folders in this cycle.
     *
     * @param folder the folder
     * @param index  its place in this cycle, from 1
     * @param total  how many folders this cycle syncs
     */
    default void onFolderStarted(FolderPath folder, int index, int total) {
    }

    /**
     * A change of rights or shares (F8): new rights on a folder, a share offered, a share gone.
     *
     * @param event the change
     */

    default void onSharing(SharingEvent event) {
    }
}
