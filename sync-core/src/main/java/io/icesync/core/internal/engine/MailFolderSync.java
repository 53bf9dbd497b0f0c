package io.icesync.core.internal.engine;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.ConnectionException;
import io.icesync.core.Right;
import io.icesync.core.SpecialUse;
import io.icesync.core.engine.DeleteGuard;
import io.icesync.core.engine.MassDeleteException;
import io.icesync.core.engine.MassDeleteException.Refusal;
import io.icesync.core.engine.MassDeleteException.Side;
import io.icesync.core.engine.FolderReport;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.settings.DownloadMode;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.PendingOp;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteItem;
import io.icesync.core.spi.SyncStateStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Item sync of one folder (F4.1): a three-way decision per item from the state row, the server now
 * and the local store now, then the changes applied in crash-safe order. See docs/ARCHITECTURE.md
 * "Correctness protocol". Items whose content changes (the local store gives them a version: events,
 * contacts) are edited on the server as a new version appended and the old one expunged, and an
 * object's key decides which copy survives when both sides changed it.
 */
final class MailFolderSync {
    /** A download group: one fetch, one flush, one state transaction. */
    static final long GROUP_BYTES = 8L * 1024 * 1024;
    static final int GROUP_ITEMS = 2000;

    private final EngineContext ctx;
    private final DeleteGuard guard;
    private final SyncStateStore state;
    private final FolderState fs;
    private final FolderPath path;
    private final Folder remoteFolder;
    private final List<LocalItem> localList;
    private final Set<String> deferred;
    private final boolean retryIgnored;
    private final SyncSettings settings;

    /** An upload of {@code l} with {@code flags}; for a local edit, {@code row} is what the server holds now, else null. */
    private record Upload(ItemState row, LocalItem l, Flags flags) {
    }

    private int downloaded, uploaded, flagsToServer, flagsToLocal, deletedOnServer, deletedLocally, failed;
    private int retriable;
    /** Local deletions that are reverts of edits in a read-only folder: the server's version comes back. */
    private int reverted;

    MailFolderSync(EngineContext ctx, FolderState fs, Folder remoteFolder, List<LocalItem> localList,
                   Set<String> deferred, boolean retryIgnored, DeleteGuard guard) {
        this.ctx = ctx;
        this.guard = guard;
        this.state = ctx.state();
        this.fs = fs;
        this.path = fs.path();
        this.remoteFolder = remoteFolder;
        this.localList = localList;
        this.deferred = deferred;
        this.retryIgnored = retryIgnored;
        this.settings = ctx.settings().get();
    }

    FolderReport run() {
        if (retryIgnored) {
            state.clearFailures(path);
        }
        Set<String> ignored = new HashSet<>();
        for (IgnoredItem i : state.failures()) {
            if (i.folder().equals(path) && i.ignored()) {
                ignored.add(i.key());
            }
        }
        Map<String, LocalItem> localById = new LinkedHashMap<>();
        for (LocalItem l : localList) {
            if (!deferred.contains(l.id())) {
                localById.put(l.id(), l);
            }
        }
        List<ItemState> rows = new ArrayList<>();
        for (ItemState r : state.items(fs.id())) {
            if (!deferred.contains(r.localId())) {
                rows.add(r);
            }
        }
        Set<String> pairedLocal = new HashSet<>();
        rows.forEach(r -> pairedLocal.add(r.localId()));
        Map<String, LocalItem> unknownLocal = new LinkedHashMap<>();
        for (LocalItem l : localById.values()) {
            if (!pairedLocal.contains(l.id()) && state.itemByLocalId(l.id()).isEmpty()) {
                unknownLocal.put(l.id(), l);
            }
        }

        RemoteChanges rc = ctx.remote().changes(path, retryIgnored ? null : fs.cursor(), false);
        boolean validityChanged = fs.cursor() != null && rc.cursor().uidValidity() != fs.cursor().uidValidity();
        boolean needContentMatch = validityChanged
                || unknownLocal.values().stream().anyMatch(l -> l.uidHint() == 0);
        if (rc.complete() && needContentMatch && !rc.items().isEmpty()) {
            rc = ctx.remote().changes(path, null, true);
        }
        if (validityChanged) {
            ctx.monitor().warning("UIDVALIDITY of " + path + " changed", "items are matched again by Message-ID and size");
            rows = rematch(rows, rc, localById, unknownLocal);
        }

        Map<Long, RemoteItem> listed = new LinkedHashMap<>();
        rc.items().forEach(r -> listed.put(r.uid(), r));
        Set<Long> gone = goneOnServer(rc, rows, listed);

        ConflictPolicy policy = settings.conflictPolicy();
        boolean readOnlyRevert = settings.revertReadOnlyChanges();
        boolean canFlag = remoteFolder == null || remoteFolder.rights().has(Right.WRITE)
                || remoteFolder.rights().has(Right.SEEN);
        boolean canDelete = remoteFolder == null || remoteFolder.rights().has(Right.DELETE_MESSAGES);
        boolean canInsert = remoteFolder == null || remoteFolder.rights().has(Right.INSERT);

        Map<Long, Flags> remoteFlagUpdates = new LinkedHashMap<>();
        Map<String, Flags> localFlagUpdates = new LinkedHashMap<>();
        List<ItemState> rowUpdates = new ArrayList<>();
        List<ItemState> rowRemovals = new ArrayList<>();
        List<ItemState> remoteDeletes = new ArrayList<>();
        List<ItemState> localDeletes = new ArrayList<>();
        List<LocalItem> uploads = new ArrayList<>();
        List<RemoteItem> downloads = new ArrayList<>();
        Map<Long, ItemState> rowByUid = new HashMap<>();
        List<Upload> edits = new ArrayList<>();
        // Objects changed or deleted here whose server side went away: settled after the downloads,
        // when a new server version of the same object (same key) may have arrived.
        List<ItemState> keyRows = new ArrayList<>();

        for (ItemState row : rows) {
            rowByUid.put(row.uid(), row);
            LocalItem l = localById.get(row.localId());
            boolean remoteGone = gone.contains(row.uid());
            RemoteItem r = listed.get(row.uid());
            Flags rf = r != null ? r.flags() : row.flags();
            // A pair without a recorded version (downloaded, or from before versions were kept) counts as unchanged.
            boolean localEdited = l != null && l.version() != null && row.localVersion() != null
                    && !l.version().equals(row.localVersion());
            boolean keyed = row.key() != null && policy == ConflictPolicy.CLIENT_WINS;
            if (remoteGone && l == null) {
                if (keyed) {
                    keyRows.add(row);
                } else {
                    rowRemovals.add(row);
                }
            } else if (remoteGone) {
                boolean changedHere = localEdited || !l.flags().equals(row.flags());
                if (policy == ConflictPolicy.CLIENT_WINS && changedHere && canInsert) {
                    if (keyed) {
                        keyRows.add(row);
                    } else {
                        rowRemovals.add(row);
                        uploads.add(l);
                    }
                } else {
                    localDeletes.add(row);
                }
            } else if (l == null) {
                boolean serverChanged = !rf.equals(row.flags());
                if ((policy == ConflictPolicy.SERVER_WINS && serverChanged) || (!canDelete && readOnlyRevert)) {
                    rowRemovals.add(row);
                    downloads.add(r != null ? r : new RemoteItem(row.uid(), rf, row.size(), null, row.messageId()));
                } else if (!canDelete) {
                    fail("uid:" + row.uid(), "deletion of server item " + row.uid(),
                            "the folder is read-only: the item cannot be deleted on the server");
                } else {
                    remoteDeletes.add(row);
                }
            } else if (localEdited) {
                if (!canInsert || !canDelete) {
                    if (readOnlyRevert) {
                        // The server's version comes back: the edited copy goes (under a DROP_LOCAL intent)
                        // and the server's is downloaded again.
                        localDeletes.add(row);
                        reverted++;
                        downloads.add(r != null ? r : new RemoteItem(row.uid(), rf, row.size(), null, row.messageId()));
                        state.clearFailure(path, "local:" + l.id()); // reported while reverting was off
                        continue;
                    }
                    fail("local:" + l.id(), "upload of the changed local item " + l.id(),
                            "the folder is read-only: the item cannot be changed on the server");
                    continue;
                }
                edits.add(new Upload(row, l, Flags.merge(row.flags(), l.flags(), rf)));
            } else {
                Flags merged = Flags.merge(row.flags(), l.flags(), rf);
                if (!canFlag && !merged.equals(rf)) {
                    if (readOnlyRevert) {
                        merged = rf;
                    } else {
                        fail("local:" + l.id(), "flag change of server item " + row.uid(),
                                "the folder is read-only: flags cannot be changed on the server");
                        continue;
                    }
                }
                if (!merged.equals(rf)) {
                    remoteFlagUpdates.put(row.uid(), merged);
                }
                boolean localChange = !merged.equals(l.flags());
                if (localChange) {
                    localFlagUpdates.put(l.id(), merged);
                }
                // A store may keep some flags inside the object (an event's categories): its version is
                // read again after the change, so that the change does not count as an edit made here.
                boolean reread = localChange && row.localVersion() != null;
                if (!merged.equals(row.flags()) || reread) {
                    rowUpdates.add(reread ? row.withFlags(merged).withVersion(row.key(), null) : row.withFlags(merged));
                }
            }
        }

        // Server items without a pair: adopt a local copy written before a crash, else download.
        Map<Long, LocalItem> byHint = new HashMap<>();
        if (!validityChanged) {
            for (LocalItem l : unknownLocal.values()) {
                if (l.uidHint() > 0) {
                    byHint.put(l.uidHint(), l);
                }
            }
        }
        Map<String, Deque<LocalItem>> byContent = null;
        Instant cutoff = settings.mailsOfLastDays() > 0
                ? ctx.clock().now().minus(java.time.Duration.ofDays(settings.mailsOfLastDays())) : null;
        for (RemoteItem r : listed.values()) {
            if (rowByUid.containsKey(r.uid()) || ignored.contains("uid:" + r.uid())) {
                continue;
            }
            LocalItem match = byHint.get(r.uid());
            // A keyed object's file holds the object, not the message, so its size cannot be compared;
            // such stores write whole files only, which is what the size check guards against.
            if (match != null && ((match.key() == null && match.size() != r.size())
                    || !unknownLocal.containsKey(match.id()))) {
                match = null;
            }
            if (match == null && r.messageId() != null && !unknownLocal.isEmpty()) {
                if (byContent == null) {
                    byContent = contentIndex(unknownLocal.values());
                }
                Deque<LocalItem> q = byContent.get(r.messageId() + "/" + r.size());
                while (q != null && !q.isEmpty() && match == null) {
                    LocalItem c = q.poll();
                    if (unknownLocal.containsKey(c.id())) {
                        match = c;
                    }
                }
            }
            if (match != null) {
                unknownLocal.remove(match.id());
                Flags f = policy == ConflictPolicy.CLIENT_WINS ? match.flags() : r.flags();
                if (!f.equals(r.flags())) {
                    remoteFlagUpdates.put(r.uid(), f);
                }
                if (!f.equals(match.flags())) {
                    localFlagUpdates.put(match.id(), f);
                }
                rowUpdates.add(new ItemState(fs.id(), r.uid(), match.id(), f, r.size(), r.messageId(), false));
                continue;
            }
            if (cutoff != null && r.internalDate() != null && r.internalDate().isBefore(cutoff)) {
                continue;
            }
            downloads.add(r);
        }
        List<LocalItem> revertedNew = new ArrayList<>();
        for (LocalItem l : unknownLocal.values()) {
            if (ignored.contains("local:" + l.id())) {
                continue;
            }
            if (!canInsert) {
                if (readOnlyRevert) {
                    revertedNew.add(l);
                } else {
                    fail("local:" + l.id(), "upload of local item " + l.id(),
                            "the folder is read-only: items cannot be added on the server");
                }
                continue;
            }
            uploads.add(l);
        }

        checkDeletions(Side.SERVER, remoteDeletes.size(), rows.size());
        checkDeletions(Side.LOCAL, localDeletes.size() - reverted, rows.size());
        for (LocalItem l : revertedNew) {
            ctx.local().delete(path, l.id());
            deletedLocally++;
        }
        ctx.monitor().plan(downloads.size(), uploads.size() + remoteFlagUpdates.size() + remoteDeletes.size(),
                downloads.size() + localFlagUpdates.size() + localDeletes.size());

        applyFlags(remoteFlagUpdates, localFlagUpdates, rowUpdates, rowRemovals);
        applyRemoteDeletes(remoteDeletes);
        applyLocalDeletes(localDeletes);
        List<Upload> allUploads = new ArrayList<>();
        uploads.forEach(l -> allUploads.add(new Upload(null, l, l.flags())));
        allUploads.addAll(edits);
        applyUploads(allUploads);
        applyDownloads(downloads, fs.cursor() != null);
        completePartials(rows, listed, gone);
        if (ctx.local().syncsItemsOf(fs.kind()) && fs.kind() != io.icesync.core.FolderKind.MAIL) {
            recordVersions();
        }
        settleKeyed(keyRows, gone);

        if (retriable == 0 && !rc.cursor().equals(fs.cursor())) {
            state.putFolder(state.folder(fs.id()).orElse(fs).withCursor(rc.cursor()));
        }
        return new FolderReport(path, downloaded, uploaded, flagsToServer, flagsToLocal, deletedOnServer,
                deletedLocally, 0, failed, null);
    }

    /** Stops this folder before any write when its deletions on one side trip the guard; Trash and Junk are emptied at will. */
    private void checkDeletions(Side side, int count, int synced) {
        SpecialUse use = remoteFolder == null ? SpecialUse.NONE : remoteFolder.specialUse();
        if (use != SpecialUse.TRASH && use != SpecialUse.JUNK && guard.tooManyItems(count, synced)) {
            throw new MassDeleteException(List.of(new Refusal(side, path, count, synced, List.of(), null)), null);
        }
    }

    private static Set<Long> goneOnServer(RemoteChanges rc, List<ItemState> rows, Map<Long, RemoteItem> listed) {
        Set<Long> gone = new HashSet<>();
        if (rc.complete()) {
            for (ItemState r : rows) {
                if (!listed.containsKey(r.uid())) {
                    gone.add(r.uid());
                }
            }
            return gone;
        }
        for (long v : rc.vanished()) {
            gone.add(v);
        }
        long[] existing = rc.existingUids();
        if (existing != null) {
            long[] sorted = existing.clone();
            Arrays.sort(sorted);
            for (ItemState r : rows) {
                if (Arrays.binarySearch(sorted, r.uid()) < 0) {
                    gone.add(r.uid());
                }
            }
        }
        for (ItemState r : rows) {
            if (listed.containsKey(r.uid())) {
                gone.remove(r.uid());
            }
        }
        return gone;
    }

    /**
     * After a UIDVALIDITY change, pairs are found again by Message-ID and size. A synced item with no
     * match was deleted on the server: deleted here too, unless it changed here and the client wins,
     * then it is uploaded again. Local items never synced are uploaded as always.
     */
    private List<ItemState> rematch(List<ItemState> rows, RemoteChanges rc, Map<String, LocalItem> localById,
                                    Map<String, LocalItem> unknownLocal) {
        Map<String, Deque<RemoteItem>> remoteByContent = new HashMap<>();
        for (RemoteItem r : rc.items()) {
            if (r.messageId() != null) {
                remoteByContent.computeIfAbsent(r.messageId() + "/" + r.size(), k -> new ArrayDeque<>()).add(r);
            }
        }
        List<ItemState> kept = new ArrayList<>();
        List<ItemState> vanished = new ArrayList<>();
        for (ItemState row : rows) {
            LocalItem l = localById.get(row.localId());
            if (l == null) {
                continue;
            }
            String mid = row.messageId() != null ? row.messageId() : localMessageId(l);
            Deque<RemoteItem> q = mid == null ? null : remoteByContent.get(mid + "/" + row.size());
            RemoteItem r = q == null ? null : q.poll();
            if (r != null) {
                kept.add(new ItemState(fs.id(), r.uid(), row.localId(), row.flags(), row.size(), mid, row.partial()));
            } else if (settings.conflictPolicy() == ConflictPolicy.CLIENT_WINS && !l.flags().equals(row.flags())) {
                unknownLocal.put(l.id(), l); // changed here, gone there: the client's copy wins
            } else {
                vanished.add(row); // synced before, not on the server any more: deleted there
            }
        }
        checkDeletions(Side.LOCAL, vanished.size(), rows.size());
        // Local files first, rows after: a crash in between finds rows without files, which are dropped.
        applyLocalDeletes(vanished);
        state.inTransaction(() -> {
            state.removeItems(fs.id());
            kept.forEach(state::putItem);
        });
        return kept;
    }

    private Map<String, Deque<LocalItem>> contentIndex(Iterable<LocalItem> items) {
        Map<String, Deque<LocalItem>> index = new HashMap<>();
        for (LocalItem l : items) {
            String mid = localMessageId(l);
            if (mid != null) {
                index.computeIfAbsent(mid + "/" + l.size(), k -> new ArrayDeque<>()).add(l);
            }
        }
        return index;
    }

    private String localMessageId(LocalItem l) {
        try (InputStream in = ctx.local().open(path, l.id())) {
            return MessageIds.read(in);
        } catch (IOException | IceSyncException e) {
            return null;
        }
    }

    private void applyFlags(Map<Long, Flags> remoteUpdates, Map<String, Flags> localUpdates,
                            List<ItemState> rowUpdates, List<ItemState> rowRemovals) {
        if (!remoteUpdates.isEmpty()) {
            ctx.remote().setFlags(path, remoteUpdates);
            flagsToServer += remoteUpdates.size();
            ctx.monitor().uploaded(remoteUpdates.size());
        }
        for (Map.Entry<String, Flags> e : localUpdates.entrySet()) {
            try {
                ctx.local().setFlags(path, e.getKey(), e.getValue());
                flagsToLocal++;
                ctx.monitor().internal(1);
            } catch (IceSyncException ex) {
                fail("local:" + e.getKey(), "flag change of local item " + e.getKey(), ex.getMessage());
                rowUpdates.removeIf(r -> r.localId().equals(e.getKey()));
            }
        }
        if (!rowUpdates.isEmpty() || !rowRemovals.isEmpty()) {
            state.inTransaction(() -> {
                rowRemovals.forEach(r -> state.removeItem(r.localId()));
                rowUpdates.forEach(state::putItem);
            });
        }
    }

    private void applyRemoteDeletes(List<ItemState> deletes) {
        if (deletes.isEmpty()) {
            return;
        }
        List<Long> uids = deletes.stream().map(ItemState::uid).toList();
        ctx.remote().delete(path, uids);
        state.inTransaction(() -> deletes.forEach(r -> state.removeItem(r.localId())));
        deletedOnServer += deletes.size();
        ctx.monitor().uploaded(deletes.size());
    }

    private void applyLocalDeletes(List<ItemState> deletes) {
        if (deletes.isEmpty()) {
            return;
        }
        // Objects with a key: an intent first, so that a copy deleted here whose pair is still recorded
        // is never taken, after a crash, for a deletion made by the user.
        List<PendingOp> drops = new ArrayList<>();
        if (deletes.stream().anyMatch(r -> r.key() != null)) {
            state.inTransaction(() -> {
                for (ItemState r : deletes) {
                    if (r.key() != null) {
                        drops.add(state.addPending(new PendingOp(0, PendingOp.Kind.DROP_LOCAL, path, null, r.localId(),
                                r.uid(), r.messageId(), r.size())));
                    }
                }
            });
        }
        List<ItemState> done = new ArrayList<>();
        for (ItemState r : deletes) {
            try {
                ctx.local().delete(path, r.localId());
                done.add(r);
            } catch (IceSyncException e) {
                fail("local:" + r.localId(), "deletion of local item " + r.localId(), e.getMessage());
            }
        }
        ctx.local().flush();
        state.inTransaction(() -> {
            done.forEach(r -> state.removeItem(r.localId()));
            drops.forEach(o -> state.removePending(o.id()));
        });
        deletedLocally += done.size();
        ctx.monitor().internal(done.size());
    }

    /**
     * Uploads: new local items, and local edits of synced items ({@code row} set: the server's current
     * version). The item is appended under an APPEND intent and recorded; an edit's record carries an
     * intent to expunge the old version, which is then expunged. A crash after the append leaves the
     * APPEND intent (settled by finding the new version's Message-ID); a crash after the record leaves
     * the EXPUNGE intent (settled by removing the old version once its Message-ID confirms it).
     */
    private void applyUploads(List<Upload> ups) {
        for (Upload v : ups) {
            LocalItem l = v.l();
            ItemState old = v.row();
            String key = "local:" + l.id();
            PendingOp op = null;
            try {
                String mid = localMessageId(l);
                op = state.addPending(new PendingOp(0, PendingOp.Kind.APPEND, path, null, l.id(), 0, mid, l.size()));
                long uid = append(l, v.flags(), mid, old);
                if (uid == 0) {
                    // The server did not say where it went: the pending intent stays and is settled next cycle.
                    uploaded++;
                    continue;
                }
                long u = uid;
                long opId = op.id();
                PendingOp[] expunge = new PendingOp[1];
                state.inTransaction(() -> {
                    state.putItem(new ItemState(fs.id(), u, l.id(), v.flags(), l.size(), mid, false, l.key(), l.version()));
                    state.removePending(opId);
                    if (old != null) {
                        expunge[0] = state.addPending(new PendingOp(0, PendingOp.Kind.EXPUNGE, path, null, l.id(),
                                old.uid(), old.messageId(), old.size()));
                    }
                });
                if (old != null) {
                    ctx.remote().delete(path, List.of(old.uid()));
                    state.removePending(expunge[0].id());
                }
                if (!v.flags().equals(l.flags())) {
                    ctx.local().setFlags(path, l.id(), v.flags());
                }
                state.clearFailure(path, key);
                uploaded++;
                ctx.monitor().uploaded(1);
                pause();
            } catch (ConnectionException e) {
                throw e;
            } catch (IceSyncException | UncheckedIOException e) {
                if (op != null) {
                    state.removePending(op.id());
                }
                fail(key, (old == null ? "upload of local item " : "upload of the changed local item ") + l.id(),
                        e.getMessage());
            }
        }
    }

    /**
     * Pairs written without the local store's key and version (downloads, pairs from before
     * versions were kept) take them from the store now, as the baseline for the next cycle.
     */
    private void recordVersions() {
        Map<String, LocalItem> now = new HashMap<>();
        for (LocalItem l : ctx.local().items(path)) {
            now.put(l.id(), l);
        }
        List<ItemState> updates = new ArrayList<>();
        for (ItemState row : state.items(fs.id())) {
            LocalItem l = now.get(row.localId());
            if (l != null && l.version() != null && row.localVersion() == null) {
                updates.add(row.withVersion(l.key(), l.version()));
            }
        }
        if (!updates.isEmpty()) {
            state.inTransaction(() -> updates.forEach(state::putItem));
        }
    }

    /**
     * Objects the client side wins (client wins) whose server version went away: a local edit replaces
     * whatever version of the object the server now holds (downloaded this cycle or before), a local
     * deletion removes them. Every step is covered by intents written first: EXPUNGE intents name the
     * server item and the local copy to remove, so a crash anywhere leaves one copy, the local one.
     */
    private void settleKeyed(List<ItemState> keyRows, Set<Long> gone) {
        if (keyRows.isEmpty()) {
            return;
        }
        Map<String, LocalItem> now = new HashMap<>();
        for (LocalItem l : ctx.local().items(path)) {
            now.put(l.id(), l);
        }
        List<ItemState> all = state.items(fs.id());
        for (ItemState r : keyRows) {
            List<ItemState> others = new ArrayList<>();
            for (ItemState x : all) {
                if (r.key().equals(x.key()) && x.uid() != r.uid() && !x.localId().equals(r.localId())
                        && !gone.contains(x.uid())) {
                    others.add(x);
                }
            }
            LocalItem a = now.get(r.localId());
            try {
                if (a == null) {
                    dropEverywhere(r, others);
                } else {
                    replaceOnServer(a, r, others);
                }
            } catch (ConnectionException e) {
                throw e;
            } catch (IceSyncException | UncheckedIOException e) {
                fail("local:" + r.localId(), "upload of the changed local item " + r.localId(), e.getMessage());
            }
        }
    }

    private List<PendingOp> expungeIntents(List<ItemState> others) {
        List<PendingOp> ops = new ArrayList<>();
        for (ItemState x : others) {
            ops.add(state.addPending(new PendingOp(0, PendingOp.Kind.EXPUNGE, path, null, x.localId(), x.uid(),
                    x.messageId(), x.size())));
        }
        return ops;
    }

    /** Deleted here: the server's versions of the object go too, on both sides. */
    private void dropEverywhere(ItemState r, List<ItemState> others) {
        List<PendingOp> ops = new ArrayList<>();
        state.inTransaction(() -> {
            ops.addAll(expungeIntents(others));
            state.removeItem(r.localId());
            others.forEach(x -> state.removeItem(x.localId()));
        });
        removeBoth(others, ops);
    }

    /** Changed here: the local version is appended and takes the place of every server version. */
    private void replaceOnServer(LocalItem a, ItemState r, List<ItemState> others) {
        String mid = localMessageId(a);
        List<PendingOp> ops = new ArrayList<>();
        PendingOp[] append = new PendingOp[1];
        state.inTransaction(() -> {
            append[0] = state.addPending(new PendingOp(0, PendingOp.Kind.APPEND, path, null, a.id(), 0, mid, a.size()));
            ops.addAll(expungeIntents(others));
        });
        long uid = append(a, a.flags(), mid, null);
        if (uid == 0) {
            uploaded++;
            return; // the intents are settled at the next start
        }
        long u = uid;
        state.inTransaction(() -> {
            state.putItem(new ItemState(fs.id(), u, a.id(), a.flags(), a.size(), mid, false, r.key(), a.version()));
            others.forEach(x -> state.removeItem(x.localId()));
            state.removePending(append[0].id());
        });
        uploaded++;
        ctx.monitor().uploaded(1);
        removeBoth(others, ops);
    }

    /** Removes server items and their local copies whose rows are gone, then the intents that covered them. */
    private void removeBoth(List<ItemState> others, List<PendingOp> ops) {
        if (!others.isEmpty()) {
            ctx.remote().delete(path, others.stream().map(ItemState::uid).toList());
            for (ItemState x : others) {
                ctx.local().delete(path, x.localId());
            }
            ctx.local().flush();
            deletedOnServer += others.size();
            deletedLocally += others.size();
        }
        if (!ops.isEmpty()) {
            state.inTransaction(() -> ops.forEach(o -> state.removePending(o.id())));
        }
    }

    /**
     * Appends a local item and returns its server UID; when the server does not say (no UIDPLUS), the
     * newest unpaired item with its Message-ID; 0 when neither tells, which leaves the intent to the next start.
     * With {@code old} (null for a new item) the upload is a new version of that pair's item.
     */
    private long append(LocalItem l, Flags flags, String mid, ItemState old) {
        long uid;
        // Opened before the command goes out: an item the store cannot give (too large, unreadable)
        // fails alone here, instead of breaking the connection in the middle of the APPEND.
        try (OpenedOnce content = new OpenedOnce(ctx.local().open(path, l.id()), () -> ctx.local().open(path, l.id()))) {
            uid = old == null
                    ? ctx.remote().append(path, flags, null, l.size(), l.name(), content)
                    : ctx.remote().replace(path, old.uid(), flags, null, l.size(), l.name(), content);
        }
        if (uid == 0 && mid != null) {
            Set<Long> taken = new HashSet<>();
            state.items(fs.id()).forEach(r -> taken.add(r.uid()));
            uid = ctx.remote().findByMessageId(path, mid).stream()
                    .filter(u -> !taken.contains(u)).max(Comparator.naturalOrder()).orElse(0L);
        }
        return uid;
    }

    private void applyDownloads(List<RemoteItem> downloads, boolean notify) {
        if (downloads.isEmpty()) {
            return;
        }
        // Small items first, so that a large one never holds the rest back (F4.10).
        downloads.sort(Comparator.comparingLong(RemoteItem::size));
        List<RemoteItem> full = new ArrayList<>();
        List<RemoteItem> headers = new ArrayList<>();
        for (RemoteItem r : downloads) {
            (fetchMode(r.size()) == FetchMode.FULL ? full : headers).add(r);
        }
        int unseen = 0;
        for (List<RemoteItem> group : groups(full)) {
            unseen += downloadGroup(group, FetchMode.FULL);
        }
        for (List<RemoteItem> group : groups(headers)) {
            unseen += downloadGroup(group, FetchMode.HEADERS);
        }
        if (notify && unseen > 0) {
            ctx.monitor().newMail(path, unseen);
        }
    }

    private FetchMode fetchMode(long size) {
        DownloadMode m = settings.downloadMode();
        return switch (m) {
            case FULL -> FetchMode.FULL;
            case HEADERS_ONLY -> FetchMode.HEADERS;
            case CUSTOM -> size > settings.downloadThresholdBytes() ? FetchMode.HEADERS : FetchMode.FULL;
        };
    }

    private static List<List<RemoteItem>> groups(List<RemoteItem> items) {
        List<List<RemoteItem>> groups = new ArrayList<>();
        List<RemoteItem> cur = new ArrayList<>();
        long bytes = 0;
        for (RemoteItem r : items) {
            if (!cur.isEmpty() && (bytes + r.size() > GROUP_BYTES || cur.size() >= GROUP_ITEMS)) {
                groups.add(cur);
                cur = new ArrayList<>();
                bytes = 0;
            }
            cur.add(r);
            bytes += r.size();
        }
        if (!cur.isEmpty()) {
            groups.add(cur);
        }
        return groups;
    }

    /** One group: fetch into the local store, flush once, then record all pairs in one transaction. */
    private int downloadGroup(List<RemoteItem> group, FetchMode mode) {
        List<ItemState> written = new ArrayList<>();
        int[] unseen = {0};
        Map<Long, String> listedNames = new HashMap<>();
        for (RemoteItem r : group) {
            if (r.name() != null) {
                listedNames.put(r.uid(), r.name());
            }
        }
        ctx.remote().fetch(path, group, mode, new ItemSink() {
            @Override
            public void accept(RemoteItem item, boolean partial, InputStream content) {
                try {
                    MessageIds.Sniffer sniff = MessageIds.sniff(content);
                    String name = item.name() != null ? item.name() : listedNames.get(item.uid());
                    String id = ctx.local().add(path, item.flags(), item.uid(), name, sniff);
                    String mid = item.messageId() != null ? item.messageId() : sniff.messageId();
                    written.add(new ItemState(fs.id(), item.uid(), id, item.flags(), item.size(), mid, partial));
                    if (!item.flags().has(Flag.SEEN)) {
                        unseen[0]++;
                    }
                } catch (IceSyncException | UncheckedIOException e) {
                    fail("uid:" + item.uid(), "download of server item " + item.uid(), e.getMessage());
                }
            }

            @Override
            public void failed(long uid, Exception cause) {
                fail("uid:" + uid, "download of server item " + uid, String.valueOf(cause.getMessage()));
            }
        });
        ctx.local().flush();
        state.inTransaction(() -> written.forEach(state::putItem));
        for (ItemState w : written) {
            if (retryIgnored) {
                state.clearFailure(path, "uid:" + w.uid());
            }
        }
        downloaded += written.size();
        ctx.monitor().downloaded(written.size());
        ctx.monitor().internal(written.size());
        pause();
        return unseen[0];
    }

    /** Items of which only headers were fetched are completed when the settings now allow it (F4.6). */
    private void completePartials(List<ItemState> rows, Map<Long, RemoteItem> listed, Set<Long> gone) {
        if (!settings.applyThresholdToExisting()) {
            return;
        }
        List<RemoteItem> todo = new ArrayList<>();
        Map<Long, ItemState> rowByUid = new HashMap<>();
        for (ItemState r : rows) {
            if (r.partial() && !gone.contains(r.uid()) && fetchMode(r.size()) == FetchMode.FULL) {
                RemoteItem ri = listed.get(r.uid());
                todo.add(ri != null ? ri : new RemoteItem(r.uid(), r.flags(), r.size(), null, r.messageId()));
                rowByUid.put(r.uid(), r);
            }
        }
        for (List<RemoteItem> group : groups(todo)) {
            List<ItemState> done = new ArrayList<>();
            ctx.remote().fetch(path, group, FetchMode.FULL, (item, partial, content) -> {
                ItemState r = rowByUid.get(item.uid());
                try {
                    ctx.local().replaceContent(path, r.localId(), content);
                    done.add(new ItemState(r.folderId(), r.uid(), r.localId(), r.flags(), r.size(), r.messageId(), false));
                } catch (IceSyncException e) {
                    fail("uid:" + item.uid(), "completion of server item " + item.uid(), e.getMessage());
                }
            });
            ctx.local().flush();
            state.inTransaction(() -> done.forEach(state::putItem));
            downloaded += done.size();
        }
    }

    private void fail(String key, String description, String error) {
        failed++;
        IgnoredItem rec = state.recordFailure(path, key, description, error);
        if (!rec.ignored()) {
            retriable++;
        } else {
            ctx.monitor().warning(description + " in " + path + " failed " + rec.failures()
                    + " times: now on the ignored list", error);
        }
        ctx.monitor().itemFailed(rec);
    }

    private void pause() {
        long ms = settings.delayBetweenItems().toMillis();
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IceSyncException("sync interrupted", e);
            }
        }
    }
}
