package io.icesync.core.internal.engine;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.KindChangeRefusedException;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.PendingOp;
import io.icesync.core.spi.SyncStateStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A synced folder whose kind changed on the server (Kolab folder type, or the user's override)
 * follows it locally: the kind is recorded, and where the local store keeps the two kinds apart
 * ({@link io.icesync.core.spi.LocalStore#changeKind}) the local copy moves and its items are
 * downloaded again. Nothing is written to the server.
 *
 * <p>A copy that holds anything not synced is not moved this cycle: the items phase sends its changes
 * first. The writes are: a CHANGE_KIND intent, the store's move, then in one transaction the folder row
 * (new kind, new local id, no cursor), its item rows removed and the intent removed. While the intent
 * exists no other step touches the folder (a folder missing locally there is a move half done, not a
 * deletion to send to the server); the next start finishes the move ({@link #resume}).
 */
final class KindChanges {
    private final EngineContext ctx;
    private final SyncStateStore state;

    KindChanges(EngineContext ctx) {
        this.ctx = ctx;
        this.state = ctx.state();
    }

    /** Paths of folders whose move an intent says is under way. */
    static Set<FolderPath> moving(SyncStateStore state) {
        Set<FolderPath> out = new HashSet<>();
        for (PendingOp op : state.pending()) {
            if (op.kind() == PendingOp.Kind.CHANGE_KIND) {
                out.add(op.folder());
            }
        }
        return out;
    }

    /**
     * Takes the server's kind {@code to} for the synced folder {@code s}. Returns the line for the
     * cycle's report, or null when nothing changed (a move that waits or is refused goes to the
     * session log, so that a cycle that changes nothing does not say it did); {@code after} receives
     * the local folder now at the path (null: unchanged).
     */
    String apply(FolderState s, FolderKind to, LocalFolder[] after) {
        String what = s.path() + " (" + s.kind() + " -> " + to + ")";
        String unsynced = unsynced(s);
        if (unsynced != null) {
            ctx.monitor().info("kind changed on server, " + unsynced + ": " + what, null);
            return null;
        }
        PendingOp op = state.addPending(new PendingOp(0, PendingOp.Kind.CHANGE_KIND, s.path(), null, s.localId(), 0,
                to.name(), 0));
        LocalFolder moved;
        try {
            moved = ctx.local().changeKind(s.path(), to);
        } catch (KindChangeRefusedException e) {
            state.removePending(op.id());
            ctx.monitor().warning("kind changed on server, not moved (" + e.getMessage() + "): " + what, null);
            return null;
        }
        LocalFolder now = finish(op, s, to, moved);
        after[0] = now;
        return now != null && !now.id().equals(s.localId())
                ? "kind changed on server, moved locally: " + what
                : "kind changed on server: " + what;
    }

    /**
     * A move a kill interrupted: finished, unless the store still shows the old copy untouched and
     * that copy got changes since (then it is dropped: the tree phase takes the kind change up again).
     */
    void resume(PendingOp op) {
        FolderState s = state.folderByPath(op.folder()).orElse(null);
        FolderKind to = kindOf(op.messageId());
        if (s == null || to == null) {
            state.removePending(op.id());
            return;
        }
        LocalFolder at = localAt(s.path());
        if (at != null && at.id().equals(op.localId()) && unsynced(s) != null) {
            state.removePending(op.id());
            return;
        }
        LocalFolder moved;
        try {
            moved = ctx.local().changeKind(s.path(), to);
        } catch (KindChangeRefusedException e) {
            state.removePending(op.id());
            return;
        }
        finish(op, s, to, moved);
        ctx.monitor().info("finished an interrupted move of " + s.path() + " to kind " + to, null);
    }

    /** The state after the store's move: one transaction, which also ends the intent. */
    private LocalFolder finish(PendingOp op, FolderState s, FolderKind to, LocalFolder moved) {
        LocalFolder now = moved != null ? moved : localAt(s.path());
        // The store says whether it moved by the folder's id: a new id is a new, empty copy.
        boolean relocated = now != null && !now.id().equals(op.localId());
        state.inTransaction(() -> {
            if (relocated) {
                state.removeItems(s.id());
                state.clearFailures(s.path());
                state.putFolder(new FolderState(s.id(), s.path(), to, now.id(), null));
            } else {
                state.putFolder(new FolderState(s.id(), s.path(), to, s.localId(), s.cursor()));
            }
            state.removePending(op.id());
        });
        return now;
    }

    private LocalFolder localAt(FolderPath p) {
        for (LocalFolder f : ctx.local().folders()) {
            if (f.path().equals(p)) {
                return f;
            }
        }
        return null;
    }

    private static FolderKind kindOf(String name) {
        try {
            return name == null ? null : FolderKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Why the local copy of {@code s} cannot be dropped now (an item not paired, or whose flags or
     * content changed here, a pair whose item was deleted here), or null when all of it is synced.
     * Items of a kind the store does not sync never go up: such a folder waits until they are gone.
     */
    private String unsynced(FolderState s) {
        List<LocalItem> items = ctx.local().items(s.path());
        if (!items.isEmpty() && !ctx.local().syncsItemsOf(s.kind())) {
            return "not moved (it holds " + items.size() + " local items of a kind not synced)";
        }
        Map<String, ItemState> rows = new HashMap<>();
        for (ItemState r : state.items(s.id())) {
            rows.put(r.localId(), r);
        }
        int changed = 0;
        for (LocalItem l : items) {
            ItemState r = rows.remove(l.id());
            boolean edited = r != null && l.version() != null && r.localVersion() != null
                    && !l.version().equals(r.localVersion());
            if (r == null || edited || !r.flags().equals(l.flags())) {
                changed++;
            }
        }
        changed += rows.size();
        return changed == 0 ? null : "moved next cycle (" + changed + " local changes are sent first)";
    }
}
