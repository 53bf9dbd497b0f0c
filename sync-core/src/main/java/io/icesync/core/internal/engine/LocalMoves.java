package io.icesync.core.internal.engine;

import io.icesync.core.ConnectionException;
import io.icesync.core.Flags;
import io.icesync.core.IceSyncException;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.PendingOp;
import io.icesync.core.spi.SyncStateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Items moved between local folders (by the user or by another program) are moved on the server
 * with one MOVE, never copied and appended again (PITFALLS 3 and 5).
 */
final class LocalMoves {
    private final EngineContext ctx;
    private final SyncStateStore state;
    private final Set<String> deferred = new HashSet<>();
    private int moved;

    LocalMoves(EngineContext ctx) {
        this.ctx = ctx;
        this.state = ctx.state();
    }

    /**
     * @param listings the items of each synced folder, by folder state; null for a folder whose local side
     *                 has not changed since its last complete sync
     * @return local ids whose move could not be settled this cycle: the folder syncs leave them alone
     */
    Set<String> run(Map<FolderState, List<LocalItem>> listings) {
        Map<Long, FolderState> byId = new LinkedHashMap<>();
        listings.keySet().forEach(f -> byId.put(f.id(), f));
        Map<List<Long>, List<ItemState>> groups = new LinkedHashMap<>();
        for (Map.Entry<FolderState, List<LocalItem>> e : listings.entrySet()) {
            FolderState to = e.getKey();
            if (e.getValue() == null) {
                continue; // unchanged here since its last complete sync: nothing moved in or out
            }
            // One query per folder, not one per item, and one folder's ids at a time: a no-change
            // resync of 100,000 items stays cheap in time and memory.
            Set<String> pairedHere = new HashSet<>();
            state.items(to.id()).forEach(r -> pairedHere.add(r.localId()));
            List<LocalItem> items = e.getValue();
            for (int i = 0; i < items.size(); i++) {
                LocalItem l = items.get(i);
                if (pairedHere.contains(l.id())) {
                    continue;
                }
                // New here, or moved in from another folder: the few such items are looked up one by one.
                ItemState row = state.itemByLocalId(l.id()).orElse(null);
                if (row != null && row.folderId() != to.id()) {
                    groups.computeIfAbsent(List.of(row.folderId(), to.id()), k -> new ArrayList<>()).add(row);
                    items.set(i, keepKeywords(to, l, row));
                }
            }
        }
        for (Map.Entry<List<Long>, List<ItemState>> g : groups.entrySet()) {
            FolderState from = state.folder(g.getKey().get(0)).orElse(null);
            FolderState to = byId.get(g.getKey().get(1));
            if (from == null || !listings.containsKey(from)) {
                // The source folder is not part of this cycle: leave both sides for a full cycle.
                g.getValue().forEach(r -> deferred.add(r.localId()));
                continue;
            }
            move(from, to, g.getValue());
        }
        return deferred;
    }

    /**
     * A file moved by another program keeps letters that named keywords in its old folder; in the new
     * one they mean nothing (or another keyword). The system flags in its name are sound; its keywords
     * are taken from the last synced state and written again with the new folder's letters.
     */
    private LocalItem keepKeywords(FolderState to, LocalItem l, ItemState row) {
        Flags fixed = Flags.of(l.flags().flags(), row.flags().keywords());
        if (fixed.equals(l.flags())) {
            return l;
        }
        ctx.local().setFlags(to.path(), l.id(), fixed);
        return new LocalItem(l.id(), fixed, l.size(), l.uidHint(), l.key(), l.version(), l.name());
    }

    int moved() {
        return moved;
    }

    private void move(FolderState from, FolderState to, List<ItemState> rows) {
        ctx.monitor().plan(0, rows.size(), 0);
        List<PendingOp> ops = new ArrayList<>();
        List<Long> uids = new ArrayList<>();
        for (ItemState r : rows) {
            ops.add(state.addPending(new PendingOp(0, PendingOp.Kind.MOVE, from.path(), to.path(), r.localId(),
                    r.uid(), r.messageId(), r.size())));
            uids.add(r.uid());
        }
        Map<Long, Long> newUids;
        try {
            newUids = ctx.remote().move(from.path(), uids, to.path());
        } catch (ConnectionException e) {
            throw e;
        } catch (IceSyncException e) {
            state.inTransaction(() -> ops.forEach(op -> state.removePending(op.id())));
            rows.forEach(r -> deferred.add(r.localId()));
            ctx.monitor().warning("moving " + rows.size() + " items from " + from.path() + " to " + to.path()
                    + " on the server failed; retried next cycle", e.getMessage());
            return;
        }
        Set<Long> taken = new HashSet<>();
        state.items(to.id()).forEach(r -> taken.add(r.uid()));
        int done = 0;
        for (int i = 0; i < rows.size(); i++) {
            ItemState r = rows.get(i);
            PendingOp op = ops.get(i);
            long nu = newUids.getOrDefault(r.uid(), 0L);
            if (nu == 0 && r.messageId() != null) {
                nu = ctx.remote().findByMessageId(to.path(), r.messageId()).stream()
                        .filter(u -> !taken.contains(u)).findFirst().orElse(0L);
            }
            if (nu == 0) {
                // Settled next cycle by the pending intent; until then the item is left alone.
                deferred.add(r.localId());
                continue;
            }
            taken.add(nu);
            long u = nu;
            state.inTransaction(() -> {
                state.putItem(new ItemState(to.id(), u, r.localId(), r.flags(), r.size(), r.messageId(), r.partial()));
                state.removePending(op.id());
            });
            done++;
        }
        moved += done;
        ctx.monitor().uploaded(done);
        ctx.monitor().info("moved " + done + " items on the server", from.path() + " -> " + to.path());
    }
}
