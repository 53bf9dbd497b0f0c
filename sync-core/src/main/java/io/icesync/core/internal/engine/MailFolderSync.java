package io.icesync.core.internal.engine;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.ConnectionException;
import io.icesync.core.SpecialUse;
import io.icesync.core.engine.DeleteGuard;
import io.icesync.core.engine.FirstSyncChoice;
import io.icesync.core.engine.MassDeleteException;
import io.icesync.core.engine.NewMail;
import io.icesync.core.engine.MassDeleteException.Refusal;
import io.icesync.core.engine.MassDeleteException.Side;
import io.icesync.core.engine.FolderReport;
import io.icesync.core.internal.engine.ItemPlan.Upload;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Item sync of one folder (F4.1): the server's changes and the local items go to {@link ItemPlanner},
 * which decides per item; the plan goes past the delete guard, then is carried out in crash-safe order.
 * See docs/ARCHITECTURE.md "Correctness protocol". Items whose content changes (the local store gives
 * them a version: events, contacts) are edited on the server as a new version appended and the old one
 * expunged, and an object's key decides which copy survives when both sides changed it.
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
    private List<LocalItem> localList;
    private final Set<String> deferred;
    private final boolean retryIgnored;
    private final SyncSettings settings;

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

    /**
     * @param quiet     where complete syncs are recorded (null: not recorded)
     * @param localMark the local store's change mark taken before the folder was listed (null: none)
     * @param saved     the folder's last complete sync when its local side is unchanged since then; the
     *                  folder was then not listed ({@code localList} is null)
     */
    FolderReport run(QuietFolders quiet, String localMark, QuietFolders.Mark saved) {
        try {
            return sync(quiet, localMark, saved);
        } catch (RuntimeException e) {
            if (quiet != null) {
                // Part of the folder may have synced: it is not settled until a complete sync says so.
                try {
                    quiet.clear(fs);
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
            }
            throw e;
        }
    }

    private FolderReport sync(QuietFolders quiet, String localMark, QuietFolders.Mark saved) {
        if (retryIgnored) {
            state.clearFailures(path);
        }
        RemoteChanges rc = null;
        // Only the pairs the server names, when the local side is as the last complete sync left it.
        List<ItemState> named = null;
        if (saved != null) {
            boolean newOnly = saved.rows() > settings.folderSyncThreshold();
            rc = ctx.remote().changes(path, fs.cursor(), false, newOnly);
            if (QuietFolders.serverQuiet(rc, fs.cursor())) {
                return new FolderReport(path, 0, 0, 0, 0, 0, 0, 0, 0, null);
            }
            if (QuietFolders.serverNamesEachChange(rc, fs.cursor()) && fs.kind() == io.icesync.core.FolderKind.MAIL) {
                named = rowsNamedBy(rc);
                localList = new ArrayList<>(ctx.local().items(path, named.stream().map(ItemState::localId).toList()));
            } else {
                localList = new ArrayList<>(ctx.local().items(path));
            }
        }
        List<ItemState> rows = named != null ? named : state.items(fs.id());
        // Nothing new here since the last complete sync when only the named pairs are read.
        Set<String> unpaired = named != null ? Set.of() : unpairedLocal(rows);
        long synced = named != null ? saved.rows() : rows.size();
        List<LocalItem> unpairedItems = localList.stream().filter(l -> unpaired.contains(l.id())).toList();
        // F4.5: a folder above the threshold is not compared in full, but for "synchronise all".
        boolean newOnly = !retryIgnored && synced > settings.folderSyncThreshold();
        if (rc == null) {
            rc = ctx.remote().changes(path, retryIgnored ? null : fs.cursor(), false, newOnly);
        }
        boolean validityChanged = fs.cursor() != null && rc.cursor().uidValidity() != fs.cursor().uidValidity();
        boolean firstUpload = fs.cursor() == null
                && FirstSyncChoice.UPLOAD_LOCAL.name().equals(state.value(Cycle.FIRST_SYNC_KEY).orElse(null));
        if (rc.complete() && ItemPlanner.needsMessageIds(validityChanged, firstUpload, unpairedItems)
                && !rc.items().isEmpty()) {
            rc = ctx.remote().changes(path, null, true);
        }
        if (validityChanged) {
            ctx.monitor().warning("UIDVALIDITY of " + path + " changed", "items are matched again by Message-ID and size");
        }
        Instant cutoff = settings.mailsOfLastDays() > 0
                ? ctx.clock().now().minus(java.time.Duration.ofDays(settings.mailsOfLastDays())) : null;
        ItemPlan plan = ItemPlanner.plan(new ItemPlanner.Input(fs.id(), rows, rc, validityChanged, localList, unpaired,
                settings.conflictPolicy(), ItemPlanner.Rights.of(remoteFolder), settings.revertReadOnlyChanges(), cutoff,
                ignoredKeys(), deferred, firstUpload, this::localMessageId));

        if (plan.rematch() != null) {
            checkDeletions(Side.LOCAL, plan.rematch().vanished().size(), plan.syncedBefore());
        }
        int syncedNow = named != null ? (int) synced : plan.rows().size();
        checkDeletions(Side.SERVER, plan.remoteDeletes().size(), syncedNow);
        checkDeletions(Side.LOCAL, plan.localDeletes().size() - plan.reverts(), syncedNow);
        apply(plan);

        if (retriable == 0 && !rc.cursor().equals(fs.cursor())) {
            state.putFolder(state.folder(fs.id()).orElse(fs).withCursor(rc.cursor()));
        }
        if (quiet != null) {
            FolderState now = state.folder(fs.id()).orElse(fs);
            quiet.record(now, remoteFolder, retriable == 0 ? localMark : null, rc.cursor(), synced);
        }
        return new FolderReport(path, downloaded, uploaded, flagsToServer, flagsToLocal, deletedOnServer,
                deletedLocally, 0, failed, null);
    }

    /** The recorded pairs of the items the server lists as changed or vanished, one lookup each. */
    private List<ItemState> rowsNamedBy(RemoteChanges rc) {
        Map<Long, ItemState> byUid = new LinkedHashMap<>();
        for (RemoteItem r : rc.items()) {
            state.itemByUid(fs.id(), r.uid()).ifPresent(row -> byUid.put(row.uid(), row));
        }
        for (long uid : rc.vanished()) {
            state.itemByUid(fs.id(), uid).ifPresent(row -> byUid.put(row.uid(), row));
        }
        return new ArrayList<>(byUid.values());
    }

    /**
     * A flag change the folder refused earlier (read-only) that goes to the server now that the rights
     * allow it: its failure is over. Read only when flags go up, so a cycle without any costs nothing.
     */
    private void clearRefusalsNowSent(ItemPlan plan) {
        if (plan.remoteFlags().isEmpty()) {
            return;
        }
        Set<String> failing = new HashSet<>();
        for (IgnoredItem i : state.failures()) {
            if (i.folder().equals(path) && i.key().startsWith("local:")) {
                failing.add(i.key());
            }
        }
        plan.failures().forEach(f -> failing.remove(f.key()));
        for (ItemState row : plan.rowUpdates()) {
            if (plan.remoteFlags().containsKey(row.uid()) && failing.contains("local:" + row.localId())) {
                state.clearFailure(path, "local:" + row.localId());
            }
        }
    }

    /** The keys of this folder's items on the ignored list. */
    private Set<String> ignoredKeys() {
        Set<String> ignored = new HashSet<>();
        for (IgnoredItem i : state.failures()) {
            if (i.folder().equals(path) && i.ignored()) {
                ignored.add(i.key());
            }
        }
        return ignored;
    }

    /** Ids of local items no recorded pair refers to, in this folder or another. */
    private Set<String> unpairedLocal(List<ItemState> rows) {
        Set<String> paired = new HashSet<>();
        rows.forEach(r -> paired.add(r.localId()));
        Set<String> unpaired = new HashSet<>();
        for (LocalItem l : localList) {
            if (!deferred.contains(l.id()) && !paired.contains(l.id()) && state.itemByLocalId(l.id()).isEmpty()) {
                unpaired.add(l.id());
            }
        }
        return unpaired;
    }

    /**
     * Carries a plan out, in the order that keeps a crash at any point harmless: the rematched pairs,
     * flags, deletions on the server, deletions here, uploads, downloads, completions, versions, then
     * the objects settled by key.
     */
    private void apply(ItemPlan plan) {
        if (plan.rematch() != null) {
            // Local files first, rows after: a crash in between finds rows without files, which are dropped.
            applyLocalDeletes(plan.rematch().vanished());
            state.inTransaction(() -> {
                state.removeItems(fs.id());
                plan.rematch().kept().forEach(state::putItem);
            });
        }
        plan.failures().forEach(f -> fail(f.key(), f.description(), f.error()));
        plan.clearedFailures().forEach(k -> state.clearFailure(path, k));
        clearRefusalsNowSent(plan);
        for (LocalItem l : plan.revertedNew()) {
            ctx.local().delete(path, l.id());
            deletedLocally++;
        }
        ctx.monitor().plan(plan.downloads().size(),
                plan.uploads().size() + plan.remoteFlags().size() + plan.remoteDeletes().size(),
                plan.downloads().size() + plan.localFlags().size() + plan.localDeletes().size());

        List<ItemState> rowUpdates = new ArrayList<>(plan.rowUpdates());
        rowUpdates.addAll(plan.adoptions());
        List<String> markedRead = markedRead(plan);
        applyFlags(plan.remoteFlags(), plan.localFlags(), rowUpdates, plan.rowRemovals());
        if (!markedRead.isEmpty()) {
            ctx.monitor().markedRead(path, List.copyOf(markedRead));
        }
        applyRemoteDeletes(plan.remoteDeletes());
        applyLocalDeletes(plan.localDeletes());
        List<Upload> allUploads = new ArrayList<>();
        plan.uploads().forEach(l -> allUploads.add(new Upload(null, l, l.flags())));
        allUploads.addAll(plan.edits());
        applyUploads(allUploads);
        applyDownloads(new ArrayList<>(plan.downloads()), fs.cursor() != null);
        completePartials(plan.rows(), plan.listed(), plan.gone());
        if (ctx.local().syncsItemsOf(fs.kind()) && fs.kind() != io.icesync.core.FolderKind.MAIL) {
            recordVersions();
        }
        settleKeyed(plan.keyed(), plan.gone());
    }

    /** Mail items whose flags going to the server add \Seen to what was synced: read here. */
    private List<String> markedRead(ItemPlan plan) {
        List<String> read = new ArrayList<>();
        if (fs.kind() != io.icesync.core.FolderKind.MAIL || plan.remoteFlags().isEmpty()) {
            return read;
        }
        for (ItemState r : plan.rows()) {
            Flags next = plan.remoteFlags().get(r.uid());
            if (next != null && next.has(Flag.SEEN) && !r.flags().has(Flag.SEEN)) {
                read.add(r.localId());
            }
        }
        return read;
    }

    /** Stops this folder before any write when its deletions on one side trip the guard; Trash and Junk are emptied at will. */
    private void checkDeletions(Side side, int count, int synced) {
        SpecialUse use = remoteFolder == null ? SpecialUse.NONE : remoteFolder.specialUse();
        if (use != SpecialUse.TRASH && use != SpecialUse.JUNK && guard.tooManyItems(count, synced)) {
            throw new MassDeleteException(List.of(new Refusal(side, path, count, synced, List.of(), null)), null);
        }
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
            LocalItem l = v.item();
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
            ctx.monitor().newMail(new NewMail(path, unseen, settings.hideNewMailAfter()));
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
                    throwIfConnectionLost(e);
                    fail("uid:" + item.uid(), "download of server item " + item.uid(), e.getMessage());
                }
            }

            @Override
            public void failed(long uid, Exception cause) {
                throwIfConnectionLost(cause);
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

    /**
     * A download cut by the network is no fault of the item: the cycle stops there (what was written
     * stays in the store's temporary files, removed at the next start) and the next one fetches it
     * again. Counted as a failure, three cuts would put a large message on the ignored list for good.
     */
    private static void throwIfConnectionLost(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConnectionException ce) {
                throw ce;
            }
            if (c instanceof io.icesync.core.spi.ContentInterruptedException || c instanceof java.net.SocketException
                    || c instanceof java.net.SocketTimeoutException || c instanceof java.io.EOFException) {
                throw new ConnectionException("the connection was lost during a download: " + c.getMessage(), e);
            }
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
