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
 *
 * @param cursor       the folder's cursor after this listing, to keep for the next one
 * @param complete     true when {@code items} lists the whole folder
 * @param items        the items listed
 * @param vanished     the UIDs gone since the cursor, when the server says (QRESYNC); empty otherwise
 * @param existingUids every UID in the folder, sorted, when the server cannot say what vanished; else null
 */
public record RemoteChanges(RemoteCursor cursor, boolean complete, List<RemoteItem> items,
                            long[] vanished, long[] existingUids) {
    /**
     * Copies the list and the arrays, so that the record does not change with the caller's.
     *
     * @param cursor       the folder's cursor after this listing
     * @param complete     true when {@code items} lists the whole folder
     * @param items        the items listed; not null
     * @param vanished     the UIDs gone since the cursor; null is taken as none
     * @param existingUids every UID in the folder, sorted, or null
     */
    public RemoteChanges {
        items = List.copyOf(items);
        vanished = vanished == null ? new long[0] : vanished.clone();
        existingUids = existingUids == null ? null : existingUids.clone();
    }

    /**
     * A full listing: {@code items} is the whole folder, anything else is gone.
     *
     * @param cursor the folder's cursor now
     * @param items  every item of the folder
     * @return a complete listing
     */
    public static RemoteChanges complete(RemoteCursor cursor, List<RemoteItem> items) {

        return new RemoteChanges(cursor, true, items, null, null);
    }
}
