package io.icesync.core.engine;

import io.icesync.core.internal.engine.QuietFolders;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.SyncStateStore;
import java.util.Optional;

/**
 * What the engine recorded of a folder's last complete sync while both sides were settled: a text that
 * stays the same for as long as the folder's synced items (their set, on either side) have not changed,
 * and differs once they may have. Flag changes leave it as it is: a cycle that only set \Seen on a
 * thousand messages gives work that looks for new items nothing to do. Work that follows a cycle
 * (finding attachment links, for instance) can skip a folder whose record it has already seen. Empty
 * when none is kept: the folder's local store cannot tell when it changed
 * ({@link io.icesync.core.spi.LocalStore#changeMark}), the server has no QRESYNC-style cursor, or an item
 * of the folder is being retried.
 */
public final class SettledFolders {
    static final String PREFIX = "quiet.";

    private SettledFolders() {
    }

    /**
     * Reads the record of a folder's last settled complete sync.
     *
     * @param state  the state store the engine syncs with
     * @param folder the folder, as the state store keeps it
     * @return the record, or empty when none is kept; compare it with the one seen last time
     */

    public static Optional<String> record(SyncStateStore state, FolderState folder) {
        // Less what flag changes move: an item added on either side takes a new UID (an upload too), and
        // one removed lowers the count of pairs, so the rest still changes with the set of items.
        return state.value(PREFIX + folder.id()).filter(v -> !v.isEmpty()).map(QuietFolders::itemSet);
    }
}
