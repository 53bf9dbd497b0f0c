package io.icesync.core.spi;

import java.util.List;

/**
 * A folder's items on the server, as a full listing or as what changed since a cursor.
 *
 * <ul>
 *   <li>{@code complete}: {@code items} lists every item of the folder; anything else is gone.</li>
 *   <li>otherwise {@code items} holds the items new or changed since the cursor, and the items
 *       gone since then are either {@code vanished} (QRESYNC) or everything not in
 *       {@code existingUids} (a sorted array of every UID, when the server cannot say what vanished).</li>
 * </ul>
 * A change of {@code cursor().uidValidity()} against the one asked for always comes back complete.
 */
public record RemoteChanges(RemoteCursor cursor, boolean complete, List<RemoteItem> items,
                            long[] vanished, long[] existingUids) {
    public RemoteChanges {
        items = List.copyOf(items);
        vanished = vanished == null ? new long[0] : vanished.clone();
        existingUids = existingUids == null ? null : existingUids.clone();
    }

    public static RemoteChanges complete(RemoteCursor cursor, List<RemoteItem> items) {
        return new RemoteChanges(cursor, true, items, null, null);
    }
}
