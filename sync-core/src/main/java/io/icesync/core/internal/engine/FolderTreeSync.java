package io.icesync.core.internal.engine;

import io.icesync.core.Folder;
import io.icesync.core.FolderPath;
import io.icesync.core.Right;
import io.icesync.core.engine.DeleteGuard;
import io.icesync.core.engine.FolderReport;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.LocalFolder;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.PendingOp;
import io.icesync.core.spi.RemoteCursor;
import io.icesync.core.spi.SyncStateStore;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folder-tree sync (F3.1): the server tree, the local tree and the last synced tree give a plan of
 * renames, deletions and creations on each side. Drafts and Outbox are never synced (F3.3).
 * Deletions never drop data: a folder that holds anything not yet synced is re-created instead, and a
 * plan that deletes too much (a local store that vanished) stops before any write ({@link FolderDeleteGuard}).
 */
final class FolderTreeSync {
    /** The client-only folder of messages waiting to be sent (F3.3). */
    static final FolderPath OUTBOX = FolderPath.of("Outbox");

    private final EngineContext ctx;
    private final DeleteGuard guard;
    private final SyncStateStore state;
    private final List<String> changes = new ArrayList<>();
    private final List<FolderReport> failed = new ArrayList<>();
    private final Map<FolderPath, Folder> remote = new TreeMap<>();
    private final Set<FolderPath> excluded = new HashSet<>();
    private final Map<FolderPath, LocalFolder> local = new TreeMap<>();
    private final Map<String, LocalFolder> localById = new HashMap<>();
    /** Folders an unfinished kind change is moving: their local copy may be missing or new, so no step acts on them. */
    private Set<FolderPath> moving = Set.of();

    FolderTreeSync(EngineContext ctx, DeleteGuard guard) {
        this.ctx = ctx;
        this.guard = guard;
        this.state = ctx.state();
    }

    /** Runs the folder sync; returns what changed, one line each, and the server's folders by path. */
    List<String> run() {
        excluded.add(OUTBOX);
        for (Folder f : ctx.remote().folders()) {
            if (!representable(f.path(), "on the server")) {
                excluded.add(f.path());
            } else if (f.specialUse().isSynced()) {
                remote.put(f.path(), f);
            } else {
                excluded.add(f.path());
            }
        }
        remote.keySet().removeIf(this::isExcluded);
        for (LocalFolder l : ctx.local().folders()) {
            if (!isExcluded(l.path()) && representable(l.path(), "locally")) {
                local.put(l.path(), l);
                localById.put(l.id(), l);
            }
        }
        moving = KindChanges.moving(state);
        List<FolderState> synced = state.folders().stream()
                .filter(f -> !isExcluded(f.path()) && !isMoving(f.path())).toList();
        FolderDeleteGuard.check(guard, synced, remote, local, localById.keySet(), ctx.local()::emptyRoots);
        localRenames();
        remoteRenames();
        deletions();
        kindChanges();
        creations();
        return changes;
    }

    /**
     * Whether a folder can be synced: a NUL in a name (a broken server name, a hand-made "%00"
     * directory) cannot be kept in the sync state. Such a folder is left alone, the rest syncs.
     */
    private boolean representable(FolderPath p, String where) {
        for (String n : p.names()) {
            if (n.indexOf('\0') >= 0) {
                ctx.monitor().warning("folder not synced, its name holds a NUL character " + where,
                        FolderPath.printable(p.toString()));
                return false;
            }
        }
        return true;
    }


    Map<FolderPath, Folder> remoteFolders() {
        return remote;
    }

    private boolean isMoving(FolderPath p) {
        for (FolderPath m : moving) {
            if (p.startsWith(m) || m.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private boolean isExcluded(FolderPath p) {
        for (FolderPath e : excluded) {
            if (p.startsWith(e)) {
                return true;
            }
        }
        return false;
    }

    private List<FolderState> statesByDepth(boolean deepestFirst) {
        List<FolderState> all = new ArrayList<>(state.folders());
        Comparator<FolderState> c = Comparator.comparingInt((FolderState f) -> f.path().depth())
                .thenComparing(FolderState::path);
        all.sort(deepestFirst ? c.reversed() : c);
        return all;
    }

    /** A local folder with a known id at a new path was renamed or moved locally: do the same on the server. */
    private void localRenames() {
        for (FolderState s0 : statesByDepth(false)) {
            FolderState s = state.folder(s0.id()).orElse(null);
            if (s == null) {
                continue;
            }
            LocalFolder l = localById.get(s.localId());
            if (l == null || l.path().equals(s.path()) || isMoving(s.path()) || isMoving(l.path())) {
                continue;
            }
            if (sameButNormalisation(l.path(), s.path())) {
                // Older versions kept folder names in NFC locally: the folder takes back its server's name.
                if (!local.containsKey(s.path())) {
                    ctx.local().renameFolder(l.path(), s.path());
                    rebaseLocal(l.path(), s.path());
                    changes.add("renamed locally: " + l.path() + " -> " + s.path());
                }
                continue;
            }
            if (remote.containsKey(s.path()) && !remote.containsKey(l.path())) {
                PendingOp op = state.addPending(new PendingOp(0, PendingOp.Kind.RENAME_FOLDER, s.path(), l.path(),
                        null, 0, null, 0));
                ctx.remote().renameFolder(s.path(), l.path());
                rebaseRemote(s.path(), l.path());
                state.inTransaction(() -> {
                    StateTree.rebase(state, s.path(), l.path());
                    state.removePending(op.id());
                });
                changes.add("renamed on server: " + s.path() + " -> " + l.path());
            } else if (!state.folderByPath(l.path()).isPresent()) {
                StateTree.rebase(state, s.path(), l.path());
            }
        }
    }

    /** Whether two paths are canonically equivalent: the same names once put in NFC. */
    static boolean sameButNormalisation(FolderPath a, FolderPath b) {
        if (a.depth() != b.depth()) {
            return false;
        }
        for (int i = 0; i < a.depth(); i++) {
            if (!Normalizer.normalize(a.names().get(i), Normalizer.Form.NFC)
                    .equals(Normalizer.normalize(b.names().get(i), Normalizer.Form.NFC))) {
                return false;
            }
        }
        return true;
    }

    /** A synced folder gone from the server while a new one with its UIDVALIDITY appeared: renamed on the server. */
    private void remoteRenames() {
        List<FolderPath> fresh = new ArrayList<>();
        for (FolderPath p : remote.keySet()) {
            if (state.folderByPath(p).isEmpty()) {
                fresh.add(p);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Map<FolderPath, Long> validity = new HashMap<>();
        for (FolderState s0 : statesByDepth(false)) {
            FolderState s = state.folder(s0.id()).orElse(null);
            if (s == null || s.cursor() == null || remote.containsKey(s.path()) || isMoving(s.path())) {
                continue;
            }
            LocalFolder l = localById.get(s.localId());
            if (l == null || !l.path().equals(s.path())) {
                continue;
            }
            List<FolderPath> matches = new ArrayList<>();
            for (FolderPath p : fresh) {
                if (state.folderByPath(p).isPresent() || local.containsKey(p)
                        || remote.get(p).kind() != s.kind()) {
                    continue;
                }
                long v = validity.computeIfAbsent(p, x -> ctx.remote().status(x).uidValidity());
                if (v == s.cursor().uidValidity()) {
                    matches.add(p);
                }
            }
            if (matches.size() != 1) {
                continue;
            }
            FolderPath to = matches.get(0);
            ctx.local().renameFolder(s.path(), to);
            rebaseLocal(s.path(), to);
            StateTree.rebase(state, s.path(), to);
            changes.add("renamed locally: " + s.path() + " -> " + to);
        }
    }

    private void deletions() {
        for (FolderState s0 : statesByDepth(true)) {
            FolderState s = state.folder(s0.id()).orElse(null);
            if (s == null || isMoving(s.path())) {
                continue;
            }
            boolean onServer = remote.containsKey(s.path());
            LocalFolder l = local.get(s.path());
            if (!onServer && l == null) {
                state.removeFolder(s.id());
            } else if (!onServer && ctx.remote().sharedByOthers(s.path())) {
                shareGone(s);
            } else if (!onServer) {
                if (hasChildren(local.keySet(), s.path()) || hasUnsyncedLocal(s)) {
                    ctx.remote().createFolder(s.path(), s.kind());
                    remote.put(s.path(), new Folder(s.path(), s.kind(), io.icesync.core.SpecialUse.NONE,
                            io.icesync.core.Rights.ALL));
                    state.putFolder(new FolderState(s.id(), s.path(), s.kind(), l.id(), null));
                    changes.add("re-created on server (the local copy holds sub-folders or unsynced items): " + s.path());
                } else {
                    ctx.local().deleteFolder(s.path());
                    local.remove(s.path());
                    state.removeFolder(s.id());
                    changes.add("deleted locally (deleted on server): " + s.path());
                }
            } else if (l == null) {
                Folder r = remote.get(s.path());
                // INBOX cannot be deleted (RFC 3501): it comes back here instead.
                if (r.specialUse() == io.icesync.core.SpecialUse.INBOX || hasChildren(remote.keySet(), s.path())
                        || !r.rights().has(Right.DELETE_MAILBOX) || hasUnsyncedRemote(s)) {
                    LocalFolder created = ctx.local().createFolder(s.path(), s.kind());
                    local.put(created.path(), created);
                    // Items will be fetched again: the pairs of the deleted copy are gone.
                    state.inTransaction(() -> {
                        state.removeFolder(s.id());
                        state.putFolder(new FolderState(0, s.path(), s.kind(), created.id(), null));
                    });
                    changes.add("re-created locally (server copy cannot or should not be deleted): " + s.path());
                } else {
                    ctx.remote().deleteFolder(s.path());
                    remote.remove(s.path());
                    state.removeFolder(s.id());
                    changes.add("deleted on server (deleted locally): " + s.path());
                }
            } else if (!l.id().equals(s.localId())) {
                state.putFolder(new FolderState(s.id(), s.path(), s.kind(), l.id(), s.cursor()));
            }
        }
    }

    /** Synced folders on both sides whose kind on the server is not the one recorded. */
    private void kindChanges() {
        KindChanges kinds = new KindChanges(ctx);
        for (FolderState s0 : statesByDepth(false)) {
            FolderState s = state.folder(s0.id()).orElse(null);
            if (s == null || isMoving(s.path())) {
                continue;
            }
            Folder r = remote.get(s.path());
            LocalFolder l = local.get(s.path());
            if (r == null || l == null || r.kind() == s.kind()) {
                continue;
            }
            LocalFolder[] after = new LocalFolder[1];
            try {
                String line = kinds.apply(s, r.kind(), after);
                if (line != null) {
                    changes.add(line);
                }
            } catch (io.icesync.core.StoreException | java.io.UncheckedIOException e) {
                // The intent stays: the next start finishes the move; meanwhile nothing touches the folder.
                changes.add("kind changed on server, local move failed (" + e.getMessage() + "): " + s.path());
                ctx.monitor().error("cannot move " + s.path() + " to kind " + r.kind(), e.getMessage());
                continue;
            }
            if (after[0] != null && !after[0].id().equals(l.id())) {
                localById.remove(l.id());
                local.put(s.path(), after[0]);
                localById.put(after[0].id(), after[0]);
            }
        }
    }

    private void creations() {
        for (Map.Entry<FolderPath, Folder> e : remote.entrySet()) {
            FolderPath p = e.getKey();
            if (state.folderByPath(p).isPresent()) {
                continue;
            }
            LocalFolder l = local.get(p);
            if (l == null) {
                try {
                    l = ctx.local().createFolder(p, e.getValue().kind());
                } catch (io.icesync.core.StoreException | java.io.UncheckedIOException x) {
                    // One folder the local store cannot hold never stops the others; it is tried again next cycle.
                    fail(p, "cannot create the local folder: " + x.getMessage());
                    continue;
                }
                local.put(p, l);
                changes.add("created locally: " + p);
            }
            state.putFolder(new FolderState(0, p, e.getValue().kind(), l.id(), null));
        }
        for (LocalFolder l : new ArrayList<>(local.values())) {
            if (state.folderByPath(l.path()).isPresent()) {
                continue;
            }
            if (!remote.containsKey(l.path()) && ctx.remote().sharedByOthers(l.path())) {
                // Another user's account (or its level in the local tree): nothing of it is created from here.
                continue;
            }
            if (!remote.containsKey(l.path())) {
                try {
                    ctx.remote().createFolder(l.path(), l.kind());
                } catch (io.icesync.core.ProtocolException x) {
                    fail(l.path(), "the server refused to create the folder: " + x.getMessage());
                    continue;
                }
                remote.put(l.path(), new Folder(l.path(), l.kind(), io.icesync.core.SpecialUse.NONE,
                        io.icesync.core.Rights.ALL));
                changes.add("created on server: " + l.path());
            }
            state.putFolder(new FolderState(0, l.path(), l.kind(), l.id(), null));
        }
    }

    private void fail(FolderPath p, String why) {
        failed.add(new FolderReport(p, 0, 0, 0, 0, 0, 0, 0, 0, why));
        ctx.monitor().error("folder " + p + " not synchronised", why);
    }

    /** Folders the tree sync could not create, with the reason; their items wait for a later cycle. */
    List<FolderReport> failures() {
        return failed;
    }

    private static boolean hasChildren(Set<FolderPath> paths, FolderPath p) {
        for (FolderPath x : paths) {
            if (!x.equals(p) && x.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Another user's share is gone: it cannot come back on the server, so unsynced items are kept aside and the copy goes. */
    private void shareGone(FolderState s) {
        FolderPath aside = RevokedShare.keepAside(ctx.local(), state, s);
        if (aside != null) {
            local.putIfAbsent(aside, ctx.local().folders().stream().filter(f -> f.path().equals(aside)).findFirst()
                    .orElseThrow());
        }
        ctx.local().deleteFolder(s.path());
        local.remove(s.path());
        state.removeFolder(s.id());
        String owner = RevokedShare.owner(s.path());
        ctx.monitor().sharing(new io.icesync.core.engine.SharingEvent(
                io.icesync.core.engine.SharingEvent.Kind.SHARE_REVOKED, s.path(), owner, null, null, aside));
        changes.add("deleted locally (no longer shared with you)" + (aside == null ? "" : ", unsynced items kept in '"
                + aside + "'") + ": " + s.path());
    }

    private boolean hasUnsyncedLocal(FolderState s) {
        for (LocalItem i : ctx.local().items(s.path())) {
            Optional<ItemState> known = state.itemByLocalId(i.id());
            if (known.isEmpty() || known.get().folderId() != s.id() || !known.get().flags().equals(i.flags())) {
                return true;
            }
        }
        return false;
    }

    private boolean hasUnsyncedRemote(FolderState s) {
        if (s.cursor() == null) {
            return false;
        }
        RemoteCursor now = ctx.remote().status(s.path());
        return now.uidValidity() != s.cursor().uidValidity() || now.uidNext() > s.cursor().uidNext();
    }

    private void rebaseRemote(FolderPath from, FolderPath to) {
        Map<FolderPath, Folder> moved = new TreeMap<>();
        remote.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(from)) {
                FolderPath np = e.getKey().rebase(from, to);
                moved.put(np, e.getValue().withPath(np));
                return true;
            }
            return false;
        });
        remote.putAll(moved);
    }

    private void rebaseLocal(FolderPath from, FolderPath to) {
        Map<FolderPath, LocalFolder> moved = new TreeMap<>();
        local.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(from)) {
                LocalFolder l = e.getValue();
                LocalFolder nl = new LocalFolder(e.getKey().rebase(from, to), l.id(), l.kind());
                moved.put(nl.path(), nl);
                localById.put(nl.id(), nl);
                return true;
            }
            return false;
        });
        local.putAll(moved);
    }
}
