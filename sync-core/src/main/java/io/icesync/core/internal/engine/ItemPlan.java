package io.icesync.core.internal.engine;

import io.icesync.core.Flags;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.RemoteItem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link ItemPlanner} decided for one folder, to be carried out by {@link MailFolderSync} in its
 * crash-safe order. Immutable; the lists keep the order in which the decisions were taken.
 *
 * @param rows          the pairs the decisions were taken on (after a rematch, the rematched ones)
 * @param syncedBefore  how many pairs the folder had before any rematch (the delete guard's measure)
 * @param rematch       after a UIDVALIDITY change: the pairs found again and those lost; else null
 * @param listed        the server items listed, by UID
 * @param gone          UIDs of pairs whose server item is gone
 * @param remoteFlags   flags to set on the server, by UID
 * @param localFlags    flags to set in the local store, by local id
 * @param rowUpdates    pairs whose recorded flags (or version) change
 * @param adoptions     new pairs of a server item and an unpaired local copy of it
 * @param rowRemovals   pairs to forget (written with the flags)
 * @param remoteDeletes pairs whose server item is deleted
 * @param localDeletes  pairs whose local copy is deleted
 * @param reverts       how many of {@code localDeletes} are reverts of edits in a read-only folder
 * @param revertedNew   new local items deleted because the read-only folder refuses them
 * @param uploads       new local items to append
 * @param edits         local edits of synced items, each replacing the server's version
 * @param downloads     server items to fetch
 * @param keyed         objects changed or deleted here whose server version went (client wins),
 *                      settled after the downloads against every server version of the same key
 * @param failures      actions refused by the folder's rights, to report
 * @param clearedFailures failure keys that no longer apply (an edit now reverted)
 */
record ItemPlan(List<ItemState> rows, int syncedBefore, Rematch rematch, Map<Long, RemoteItem> listed, Set<Long> gone,
                Map<Long, Flags> remoteFlags, Map<String, Flags> localFlags, List<ItemState> rowUpdates,
                List<ItemState> adoptions, List<ItemState> rowRemovals, List<ItemState> remoteDeletes,
                List<ItemState> localDeletes, int reverts, List<LocalItem> revertedNew, List<LocalItem> uploads,
                List<Upload> edits, List<RemoteItem> downloads, List<ItemState> keyed, List<Failure> failures,
                List<String> clearedFailures) {

    ItemPlan {
        rows = List.copyOf(rows);
        listed = Collections.unmodifiableMap(new LinkedHashMap<>(listed));
        gone = Collections.unmodifiableSet(new LinkedHashSet<>(gone));
        remoteFlags = Collections.unmodifiableMap(new LinkedHashMap<>(remoteFlags));
        localFlags = Collections.unmodifiableMap(new LinkedHashMap<>(localFlags));
        rowUpdates = List.copyOf(rowUpdates);
        adoptions = List.copyOf(adoptions);
        rowRemovals = List.copyOf(rowRemovals);
        remoteDeletes = List.copyOf(remoteDeletes);
        localDeletes = List.copyOf(localDeletes);
        revertedNew = List.copyOf(revertedNew);
        uploads = List.copyOf(uploads);
        edits = List.copyOf(edits);
        downloads = List.copyOf(downloads);
        keyed = List.copyOf(keyed);
        failures = List.copyOf(failures);
        clearedFailures = List.copyOf(clearedFailures);
    }

    /**
     * After a UIDVALIDITY change: {@code kept} replaces every recorded pair of the folder; the local
     * copies of {@code vanished} are deleted first (synced before, not on the server any more).
     */
    record Rematch(List<ItemState> kept, List<ItemState> vanished) {
        Rematch {
            kept = List.copyOf(kept);
            vanished = List.copyOf(vanished);
        }
    }

    /** An upload of {@code item} with {@code flags}; for a local edit, {@code row} is what the server holds now, else null. */
    record Upload(ItemState row, LocalItem item, Flags flags) {
    }

    /** An action the folder refuses: reported under {@code key} ({@code uid:N} or {@code local:ID}). */
    record Failure(String key, String description, String error) {
    }
}
