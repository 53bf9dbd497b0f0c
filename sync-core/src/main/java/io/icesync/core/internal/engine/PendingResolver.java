package io.icesync.core.internal.engine;

import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.PendingOp;
import io.icesync.core.spi.SyncStateStore;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Settles the intents left by a cycle that died between an action and its state record, by
 * looking at both sides: an APPEND or MOVE whose item is found on the server is recorded, one
 * that is not is dropped (the normal sync then does it again, once).
 */
final class PendingResolver {
    private final EngineContext ctx;

    PendingResolver(EngineContext ctx) {
        this.ctx = ctx;
    }

    void resolveAll() {
        for (PendingOp op : ctx.state().pending()) {
            try {
                switch (op.kind()) {
                    case APPEND -> resolveItem(op, op.folder());
                    case MOVE -> resolveItem(op, op.target());
                    case RENAME_FOLDER -> resolveRename(op);
                }
            } catch (FolderNotFoundException e) {
                // The folder went away since: nothing left to settle.
            }
            ctx.state().removePending(op.id());
        }
    }

    /** An item appended or moved into {@code where}: find it there and record the pair. */
    private void resolveItem(PendingOp op, FolderPath where) {
        SyncStateStore state = ctx.state();
        Optional<FolderState> folder = state.folderByPath(where);
        if (folder.isEmpty()) {
            return;
        }
        Optional<LocalItem> local = ctx.local().items(where).stream()
                .filter(i -> i.id().equals(op.localId())).findFirst();
        if (local.isEmpty()) {
            return;
        }
        Optional<ItemState> known = state.itemByLocalId(op.localId());
        if (known.isPresent() && known.get().folderId() == folder.get().id()) {
            return;
        }
        long uid = findOnServer(folder.get(), op);
        if (uid > 0) {
            String mid = op.messageId();
            state.inTransaction(() -> {
                state.putItem(new ItemState(folder.get().id(), uid, op.localId(), local.get().flags(),
                        op.size(), mid, false));
            });
            ctx.monitor().info("settled an interrupted " + op.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " in " + where, "server item " + uid);
        } else if (op.kind() == PendingOp.Kind.MOVE && known.isPresent()) {
            // The move never reached the server: the old pair still describes the server item.
            return;
        }
    }

    private long findOnServer(FolderState folder, PendingOp op) {
        Set<Long> taken = new HashSet<>();
        for (ItemState i : ctx.state().items(folder.id())) {
            taken.add(i.uid());
        }
        if (op.messageId() == null) {
            // No Message-ID to search by: accept a single unpaired server item of the same size.
            List<Long> same = ctx.remote().changes(folder.path(), null, false).items().stream()
                    .filter(r -> r.size() == op.size() && !taken.contains(r.uid()))
                    .map(r -> r.uid()).toList();
            return same.size() == 1 ? same.get(0) : 0;
        }
        List<Long> uids = ctx.remote().findByMessageId(folder.path(), op.messageId());
        for (long uid : uids) {
            if (!taken.contains(uid)) {
                return uid;
            }
        }
        return 0;
    }

    private void resolveRename(PendingOp op) {
        Set<FolderPath> remote = new HashSet<>();
        ctx.remote().folders().forEach(f -> remote.add(f.path()));
        if (remote.contains(op.target()) && !remote.contains(op.folder())) {
            StateTree.rebase(ctx.state(), op.folder(), op.target());
        }
    }
}
