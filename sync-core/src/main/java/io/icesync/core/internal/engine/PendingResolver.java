package io.icesync.core.internal.engine;

import io.icesync.core.FolderNotFoundException;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.PendingOp;
import io.icesync.core.spi.RemoteItem;
import io.icesync.core.spi.SyncStateStore;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Settles the intents left by a cycle that died between an action and its state record, by
 * looking at both sides: an APPEND or MOVE whose item is found on the server is recorded, one
 * that is not is dropped (the normal sync then does it again, once, under the item's name).
 */
final class PendingResolver {
    /** Recorded when it is not sure which content reached the server: it matches no local version. */
    static final String UNSURE_VERSION = "";

    private final EngineContext ctx;

    PendingResolver(EngineContext ctx) {
        this.ctx = ctx;
    }

    void resolveAll() {
        for (PendingOp op : ctx.state().pending()) {
            if (op.kind() == PendingOp.Kind.CHANGE_KIND) {
                resolveKindChange(op);
                continue;
            }
            try {
                switch (op.kind()) {
                    case APPEND -> resolveItem(op, op.folder());
                    case MOVE -> resolveItem(op, op.target());
                    case RENAME_FOLDER -> resolveRename(op);
                    case EXPUNGE -> resolveExpunge(op);
                    case DROP_LOCAL -> resolveDrop(op);
                    default -> throw new IllegalStateException("unexpected intent " + op.kind());
                }
            } catch (FolderNotFoundException e) {
                // The folder went away since: nothing left to settle.
            }
            ctx.state().removePending(op.id());
        }
    }

    /**
     * A local folder move for a kind change, finished (its intent ends with the state written). If
     * the store fails, the intent stays: the folder is left alone by every step until a later start
     * finishes the move, rather than be taken for a folder deleted here.
     */
    private void resolveKindChange(PendingOp op) {
        try {
            new KindChanges(ctx).resume(op);
        } catch (io.icesync.core.StoreException | java.io.UncheckedIOException e) {
            ctx.monitor().error("cannot finish moving " + op.folder() + " to kind " + op.messageId()
                    + "; the folder is not synced until it is done", e.getMessage());
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
            // An append for an item already paired here is a new version: a new item has no pair yet,
            // and the pair of a finished upload is written with the intent's removal.
            if (op.kind() == PendingOp.Kind.APPEND && (op.messageId() == null
                    || !op.messageId().equals(known.get().messageId()))) {
                resolveNewVersion(op, folder.get(), known.get(), local.get());
            }
            return;
        }
        long uid = findOnServer(folder.get(), op, local.get().name());
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

    /**
     * A new version of a synced item was being appended: if it reached the server, the pair moves to
     * it and the old version is expunged; if not, the pair stays and the next cycle uploads again.
     * The local version is recorded only if the local content is surely the one that was sent; else
     * a version no content has, so that the next cycle uploads what the file holds now.
     */
    private void resolveNewVersion(PendingOp op, FolderState folder, ItemState old, LocalItem local) {
        long uid = findOnServer(folder, op, local.name());
        if (uid <= 0) {
            return;
        }
        String sentVersion = op.messageId() != null && op.messageId().equals(localMessageId(folder.path(), local))
                ? local.version() : UNSURE_VERSION;
        SyncStateStore state = ctx.state();
        state.putItem(new ItemState(folder.id(), uid, local.id(), old.flags(), op.size(), op.messageId(), false,
                local.key() != null ? local.key() : old.key(), sentVersion));
        expungeIfStill(folder.path(), old.uid(), old.messageId());
        ctx.monitor().info("settled an interrupted upload of a new version in " + folder.path(), "server item " + uid);
    }

    /**
     * A server item replaced by a newer version: removed if the server still holds it, and its local
     * copy too when no pair refers to that copy any more (a version downloaded that lost to the local one).
     */
    private void resolveExpunge(PendingOp op) {
        if (ctx.state().folderByPath(op.folder()).isEmpty()) {
            return;
        }
        expungeIfStill(op.folder(), op.uid(), op.messageId());
        if (op.localId() != null && ctx.state().itemByLocalId(op.localId()).isEmpty()) {
            ctx.local().delete(op.folder(), op.localId());
            ctx.local().flush();
        }
    }

    /** A local copy being removed because its server item went away: finished, copy and pair. */
    private void resolveDrop(PendingOp op) {
        ctx.local().delete(op.folder(), op.localId());
        ctx.local().flush();
        ctx.state().removeItem(op.localId());
    }

    /**
     * Removes server item {@code uid} only if it is still the item meant: it still carries
     * {@code messageId}; or, for items without one (documents), the folder's UIDVALIDITY is the one
     * recorded, so the UID was not given to another item (UIDs are reused across UIDVALIDITY).
     */
    private void expungeIfStill(FolderPath folder, long uid, String messageId) {
        if (messageId == null) {
            Optional<FolderState> fs = ctx.state().folderByPath(folder);
            if (fs.isPresent() && fs.get().cursor() != null
                    && ctx.remote().status(folder).uidValidity() == fs.get().cursor().uidValidity()) {
                ctx.remote().delete(folder, List.of(uid));
            }
            return;
        }
        if (ctx.remote().findByMessageId(folder, messageId).contains(uid)) {
            ctx.remote().delete(folder, List.of(uid));
        }
    }

    private String localMessageId(FolderPath folder, LocalItem l) {
        try (java.io.InputStream in = ctx.local().open(folder, l.id())) {
            return MessageIds.read(in);
        } catch (java.io.IOException | io.icesync.core.IceSyncException e) {
            return null;
        }
    }

    /**
     * The unpaired server item the intent's item became, or 0. Without a Message-ID to search by
     * (documents, objects), the only unpaired item of the same size; when the local item has a name
     * ({@code name}, else null), a server item with another name is not it, so the only one of that
     * size with that name, else with no name. Two items that are the same file cannot differ by their
     * names: a document appended just before a kill is not taken for another the server got meanwhile.
     */
    private long findOnServer(FolderState folder, PendingOp op, String name) {
        Set<Long> taken = new HashSet<>();
        for (ItemState i : ctx.state().items(folder.id())) {
            taken.add(i.uid());
        }
        if (op.messageId() == null) {
            List<RemoteItem> same = ctx.remote().changes(folder.path(), null, false).items().stream()
                    .filter(r -> r.size() == op.size() && !taken.contains(r.uid()))
                    .toList();
            if (name != null) {
                List<RemoteItem> named = same.stream().filter(r -> name.equals(r.name())).toList();
                if (!named.isEmpty()) {
                    return named.size() == 1 ? named.get(0).uid() : 0;
                }
                same = same.stream().filter(r -> r.name() == null).toList();
            }
            return same.size() == 1 ? same.get(0).uid() : 0;
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
