package io.icesync.core.internal.engine;

import io.icesync.core.FolderPath;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.SyncStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A folder another user shared and no longer does (F8.5): it cannot be re-created on the server, so
 * its local copy goes, after its unsynced items (new, edited, or with flags not yet sent) are moved
 * to a folder of the user's own under {@value #ROOT}, which the next cycle uploads like any new folder.
 * Each move is one local rename: a kill between moves leaves the rest for the next cycle to move.
 */
final class RevokedShare {
    /** The folder of the user's own where items of revoked shares are kept. */
    static final String ROOT = "Kept aside";

    private RevokedShare() {
    }

    /**
     * Where the unsynced items of a share go: {@value #ROOT}, the owner, then the folder's levels under
     * the owner's account. Dots become {@code _}: Maildir++ servers (Dovecot) refuse them in names.
     */
    static FolderPath keptAsidePath(FolderPath shared) {
        List<String> names = new ArrayList<>();
        names.add(ROOT);
        List<String> n = shared.names();
        int ownerLevel = n.get(0).startsWith("~") && n.get(0).length() > 1 || n.size() < 2 ? 0 : 1;
        names.add(owner(shared).replace('.', '_'));
        for (String level : n.subList(Math.min(ownerLevel + 1, n.size()), n.size())) {
            names.add(level.replace('.', '_'));
        }
        return FolderPath.of(names);
    }

    /** The account a shared path belongs to: after IceWarp's {@code ~}, else the level under the namespace (Dovecot's {@code shared/}). */
    static String owner(FolderPath shared) {
        List<String> n = shared.names();
        if (n.get(0).startsWith("~") && n.get(0).length() > 1) {
            return n.get(0).substring(1);
        }
        return n.size() > 1 ? n.get(1) : n.get(0);
    }

    /** Moves the unsynced items of {@code s}'s local copy aside; returns where, or null when there were none. */
    static FolderPath keepAside(LocalStore local, SyncStateStore state, FolderState s) {
        List<LocalItem> unsynced = new ArrayList<>();
        for (LocalItem i : local.items(s.path())) {
            Optional<ItemState> known = state.itemByLocalId(i.id());
            if (known.isEmpty() || known.get().folderId() != s.id() || !known.get().flags().equals(i.flags())
                    || i.version() != null && !Objects.equals(i.version(), known.get().localVersion())) {
                unsynced.add(i);
            }
        }
        if (unsynced.isEmpty()) {
            return null;
        }
        FolderPath to = keptAsidePath(s.path());
        boolean exists = local.folders().stream().anyMatch(f -> f.path().equals(to));
        if (!exists) {
            local.createFolder(to, s.kind());
        }
        for (LocalItem i : unsynced) {
            local.move(s.path(), i.id(), to);
        }
        local.flush();
        return to;
    }
}
