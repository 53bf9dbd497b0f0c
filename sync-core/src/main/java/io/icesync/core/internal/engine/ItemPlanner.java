package io.icesync.core.internal.engine;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.Folder;
import io.icesync.core.Right;
import io.icesync.core.internal.engine.ItemPlan.Failure;
import io.icesync.core.internal.engine.ItemPlan.Rematch;
import io.icesync.core.internal.engine.ItemPlan.Upload;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.LocalItem;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteItem;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The three-way decision per item of one folder, in one place: from the state rows, what the server
 * says now and the local items now, what to do on each side (docs/ARCHITECTURE.md "The sync cycle",
 * step 6; the decision table of the design). Pure: it reads no store and writes nothing, so that
 * {@code ItemPlannerSpecTest} can hold every decision to the table. Message-IDs of local items are
 * asked for through {@link Input#localMessageId}, and only when content matching needs them.
 *
 * <ul>
 *   <li>pair listed on both sides: flags merge per flag; a local edit (version differs from the
 *       recorded one) replaces the server's version;</li>
 *   <li>gone on the server: the local copy goes, unless it changed here and the client wins (then it is
 *       uploaded again, or, for an object with a key, settled against the server's other versions);</li>
 *   <li>gone here: the server item goes, unless it changed there and the server wins (downloaded again);</li>
 *   <li>new on the server: a local copy written before a crash (UID hint) or with its Message-ID and size
 *       is adopted (at a first upload, an object holding other content is also sent as an edit), else it
 *       is downloaded unless older than the cut-off or ignored;</li>
 *   <li>new here: uploaded unless ignored;</li>
 *   <li>a folder without the right: flag changes, deletions, edits and new items are reported as
 *       failures, or reverted to the server's state when {@code revertReadOnly};</li>
 *   <li>UIDVALIDITY changed: pairs are found again by Message-ID and size (by size and order for items
 *       without Message-ID), keeping their flags, key and version, then decided as above.</li>
 * </ul>
 */
final class ItemPlanner {
    private ItemPlanner() {
    }

    /**
     * What the folder allows on the server. RFC 4314 splits the flags: {@code s} keeps \Seen, {@code t}
     * \Deleted, {@code w} the others and keywords; a server may accept a STORE and drop what the user may
     * not set (Dovecot does), so each flag is checked on its own.
     */
    record Rights(boolean canSeen, boolean canWrite, boolean canDelete, boolean canInsert) {
        static final Rights ALL = new Rights(true, true, true, true);

        /** The rights of a server folder; a folder the server did not list is taken as writable. */
        static Rights of(Folder remote) {
            if (remote == null) {
                return ALL;
            }
            return new Rights(remote.rights().has(Right.SEEN), remote.rights().has(Right.WRITE),
                    remote.rights().has(Right.DELETE_MESSAGES), remote.rights().has(Right.INSERT));
        }

        /** {@code wanted} where these rights allow it, the server's {@code now} for every flag they do not. */
        Flags allowed(Flags wanted, Flags now) {
            if (canSeen && canWrite && canDelete) {
                return wanted;
            }
            EnumSet<Flag> out = EnumSet.noneOf(Flag.class);
            for (Flag f : Flag.values()) {
                boolean may = f == Flag.SEEN ? canSeen : f == Flag.DELETED ? canDelete : canWrite;
                if (may ? wanted.has(f) : now.has(f)) {
                    out.add(f);
                }
            }
            return Flags.of(out, canWrite ? wanted.keywords() : now.keywords());
        }
    }

    /**
     * Everything a plan depends on.
     *
     * @param folderId        the folder's id in the state
     * @param rows            the folder's recorded pairs
     * @param changes         what the server listed (with Message-IDs when content matching is needed)
     * @param validityChanged the server's UIDVALIDITY is not the recorded one
     * @param local           the folder's local items now
     * @param unpaired        ids of local items no recorded pair (of any folder) refers to
     * @param policy          the conflict policy
     * @param rights          the folder's rights
     * @param revertReadOnly  changes the folder refuses are reverted instead of reported
     * @param cutoff          server items received before it are not downloaded (null: no cut-off)
     * @param ignored         failure keys on the ignored list ({@code uid:N}, {@code local:ID})
     * @param deferred        local ids left alone this cycle (moved between folders)
     * @param firstUpload     the folder's first sync after the user chose to upload the local data (F4.8):
     *                        a local object adopted as the copy of a server item may have been edited
     *                        while no pair recorded it
     * @param localMessageId  the Message-ID of a local item, null if it has none
     */
    record Input(long folderId, List<ItemState> rows, RemoteChanges changes, boolean validityChanged,
                 List<LocalItem> local, Set<String> unpaired, ConflictPolicy policy, Rights rights,
                 boolean revertReadOnly, Instant cutoff, Set<String> ignored, Set<String> deferred,
                 boolean firstUpload, Function<LocalItem, String> localMessageId) {
    }

    static ItemPlan plan(Input in) {
        return new Planning(in).plan();
    }

    /** Whether the listing must carry Message-IDs: items are to be matched by content. */
    static boolean needsMessageIds(boolean validityChanged, boolean firstUpload, List<LocalItem> unpairedLocal) {
        // At a first upload, a local object is compared with its server copy by Message-ID before it is adopted.
        return validityChanged || unpairedLocal.stream().anyMatch(l -> l.uidHint() == 0 || (firstUpload && l.key() != null));
    }

    /** One planning pass: collects the decisions, then freezes them into an {@link ItemPlan}. */
    private static final class Planning {
        private final Input in;
        private final ConflictPolicy policy;
        private final Rights rights;
        private final Map<String, LocalItem> localById = new LinkedHashMap<>();
        private final Map<String, LocalItem> unknownLocal = new LinkedHashMap<>();
        private final Map<Long, RemoteItem> listed = new LinkedHashMap<>();
        private final Map<Long, ItemState> rowByUid = new HashMap<>();

        private final Map<Long, Flags> remoteFlags = new LinkedHashMap<>();
        private final Map<String, Flags> localFlags = new LinkedHashMap<>();
        private final List<ItemState> rowUpdates = new ArrayList<>();
        private final List<ItemState> adoptions = new ArrayList<>();
        private final List<ItemState> rowRemovals = new ArrayList<>();
        private final List<ItemState> remoteDeletes = new ArrayList<>();
        private final List<ItemState> localDeletes = new ArrayList<>();
        private final List<LocalItem> revertedNew = new ArrayList<>();
        private final List<LocalItem> uploads = new ArrayList<>();
        private final List<Upload> edits = new ArrayList<>();
        private final List<RemoteItem> downloads = new ArrayList<>();
        private final List<ItemState> keyed = new ArrayList<>();
        private final List<Failure> failures = new ArrayList<>();
        private final List<String> clearedFailures = new ArrayList<>();
        private int reverts;

        Planning(Input in) {
            this.in = in;
            this.policy = in.policy();
            this.rights = in.rights();
        }

        ItemPlan plan() {
            for (LocalItem l : in.local()) {
                if (!in.deferred().contains(l.id())) {
                    localById.put(l.id(), l);
                    if (in.unpaired().contains(l.id())) {
                        unknownLocal.put(l.id(), l);
                    }
                }
            }
            List<ItemState> rows = new ArrayList<>();
            for (ItemState r : in.rows()) {
                if (!in.deferred().contains(r.localId())) {
                    rows.add(r);
                }
            }
            int syncedBefore = rows.size();
            Rematch rematch = null;
            if (in.validityChanged()) {
                rematch = rematch(rows);
                rows = rematch.kept();
            }
            in.changes().items().forEach(r -> listed.put(r.uid(), r));
            Set<Long> gone = goneOnServer(in.changes(), rows, listed);
            for (ItemState row : rows) {
                rowByUid.put(row.uid(), row);
                decidePair(row, localById.get(row.localId()), gone.contains(row.uid()), listed.get(row.uid()));
            }
            decideNewOnServer();
            decideNewHere();
            return new ItemPlan(rows, syncedBefore, rematch, listed, gone, remoteFlags, localFlags, rowUpdates,
                    adoptions, rowRemovals, remoteDeletes, localDeletes, reverts, revertedNew, uploads, edits,
                    downloads, keyed, failures, clearedFailures);
        }

        /** A pair: {@code l} null when deleted here, {@code r} null when not listed (unchanged, or gone). */
        private void decidePair(ItemState row, LocalItem l, boolean remoteGone, RemoteItem r) {
            Flags rf = r != null ? r.flags() : row.flags();
            if (remoteGone && l == null) {
                goneOnBothSides(row);
            } else if (remoteGone) {
                goneThere(row, l);
            } else if (l == null) {
                goneHere(row, r, rf);
            } else if (editedHere(row, l)) {
                localEdit(row, l, r, rf);
            } else {
                mergeFlags(row, l, rf);
            }
        }

        /** An object with a key under client wins: its other server versions are settled after the downloads. */
        private boolean keyedClientWins(ItemState row) {
            return row.key() != null && policy == ConflictPolicy.CLIENT_WINS;
        }

        private void goneOnBothSides(ItemState row) {
            if (keyedClientWins(row)) {
                keyed.add(row);
            } else {
                rowRemovals.add(row);
            }
        }

        private void goneThere(ItemState row, LocalItem l) {
            boolean changedHere = editedHere(row, l) || !l.flags().equals(row.flags());
            if (policy == ConflictPolicy.CLIENT_WINS && changedHere && rights.canInsert()) {
                if (keyedClientWins(row)) {
                    keyed.add(row);
                } else {
                    rowRemovals.add(row);
                    uploads.add(l);
                }
            } else {
                localDeletes.add(row);
            }
        }

        private void goneHere(ItemState row, RemoteItem r, Flags rf) {
            boolean serverChanged = !rf.equals(row.flags());
            if ((policy == ConflictPolicy.SERVER_WINS && serverChanged) || (!rights.canDelete() && in.revertReadOnly())) {
                rowRemovals.add(row);
                downloads.add(serverCopy(row, r, rf));
            } else if (!rights.canDelete()) {
                failures.add(new Failure("uid:" + row.uid(), "deletion of server item " + row.uid(),
                        "the folder is read-only: the item cannot be deleted on the server"));
            } else {
                remoteDeletes.add(row);
            }
        }

        private void localEdit(ItemState row, LocalItem l, RemoteItem r, Flags rf) {
            if (rights.canInsert() && rights.canDelete()) {
                edits.add(new Upload(row, l, Flags.merge(row.flags(), l.flags(), rf)));
            } else if (in.revertReadOnly()) {
                // The server's version comes back: the edited copy goes (under a DROP_LOCAL intent) and
                // the server's is downloaded again; a failure reported while reverting was off is over.
                localDeletes.add(row);
                reverts++;
                downloads.add(serverCopy(row, r, rf));
                clearedFailures.add("local:" + l.id());
            } else {
                failures.add(new Failure("local:" + l.id(), "upload of the changed local item " + l.id(),
                        "the folder is read-only: the item cannot be changed on the server"));
            }
        }

        private void mergeFlags(ItemState row, LocalItem l, Flags rf) {
            Flags merged = Flags.merge(row.flags(), l.flags(), rf);
            Flags allowed = rights.allowed(merged, rf);
            if (!allowed.equals(merged)) {
                if (!in.revertReadOnly()) {
                    failures.add(new Failure("local:" + l.id(), "flag change of server item " + row.uid(),
                            "the folder is read-only: flags cannot be changed on the server"));
                    // What the rights allow still goes up (\Seen in a folder shared for reading); the
                    // refused flags stay on the local copy, reported at each cycle until write is granted.
                    if (!allowed.equals(rf)) {
                        remoteFlags.put(row.uid(), allowed);
                    }
                    if (!allowed.equals(row.flags())) {
                        rowUpdates.add(row.withFlags(allowed));
                    }
                    return;
                }
                merged = allowed;
            }
            if (!merged.equals(rf)) {
                remoteFlags.put(row.uid(), merged);
            }
            boolean localChange = !merged.equals(l.flags());
            if (localChange) {
                localFlags.put(l.id(), merged);
            }
            // A store may keep some flags inside the object (an event's categories): its version is read
            // again after the change, so that the change does not count as an edit made here.
            boolean reread = localChange && row.localVersion() != null;
            if (!merged.equals(row.flags()) || reread) {
                rowUpdates.add(reread ? row.withFlags(merged).withVersion(row.key(), null) : row.withFlags(merged));
            }
        }

        /** Server items without a pair: adopt a local copy written before a crash or with the same content, else download. */
        private void decideNewOnServer() {
            Map<Long, LocalItem> byHint = new HashMap<>();
            if (!in.validityChanged()) {
                // UIDs of the old UIDVALIDITY name other items now.
                for (LocalItem l : unknownLocal.values()) {
                    if (l.uidHint() > 0) {
                        byHint.put(l.uidHint(), l);
                    }
                }
            }
            Map<String, Deque<LocalItem>> byContent = null;
            for (RemoteItem r : listed.values()) {
                if (rowByUid.containsKey(r.uid()) || in.ignored().contains("uid:" + r.uid())) {
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
                    match = poll(byContent.get(r.messageId() + "/" + r.size()));
                }
                if (match != null) {
                    adopt(r, match);
                } else if (in.cutoff() == null || r.internalDate() == null || !r.internalDate().isBefore(in.cutoff())) {
                    downloads.add(r);
                }
            }
        }

        private LocalItem poll(Deque<LocalItem> q) {
            while (q != null && !q.isEmpty()) {
                LocalItem c = q.poll();
                if (unknownLocal.containsKey(c.id())) {
                    return c;
                }
            }
            return null;
        }

        /**
         * A local copy of {@code r} becomes its pair; the flags of the side the policy favours win. At a
         * first upload, an object (with a key) whose local Message-ID is not the server's may hold other
         * content (edited while no pair recorded it): it is recorded with a version no file has and sent as
         * an edit, so that a crash before the upload still leaves an edit for the next cycle. Otherwise a
         * copy named by its UID hint was written from the server item, before a crash.
         */
        private void adopt(RemoteItem r, LocalItem match) {
            unknownLocal.remove(match.id());
            Flags f = policy == ConflictPolicy.CLIENT_WINS ? match.flags() : r.flags();
            if (!f.equals(r.flags())) {
                remoteFlags.put(r.uid(), f);
            }
            if (!f.equals(match.flags())) {
                localFlags.put(match.id(), f);
            }
            ItemState row = new ItemState(in.folderId(), r.uid(), match.id(), f, r.size(), r.messageId(), false);
            if (in.firstUpload() && match.key() != null && r.messageId() != null) {
                String localMid = in.localMessageId().apply(match);
                if (localMid != null && !localMid.equals(r.messageId())) {
                    row = row.withVersion(match.key(), PendingResolver.UNSURE_VERSION);
                    if (rights.canInsert() && rights.canDelete()) {
                        edits.add(new Upload(row, match, f));
                    }
                }
            }
            adoptions.add(row);
        }

        /** Local items without a pair: uploaded, or refused (reported, or deleted when reverting) by a read-only folder. */
        private void decideNewHere() {
            for (LocalItem l : unknownLocal.values()) {
                if (in.ignored().contains("local:" + l.id())) {
                    continue;
                }
                if (rights.canInsert()) {
                    uploads.add(l);
                } else if (in.revertReadOnly()) {
                    revertedNew.add(l);
                } else {
                    failures.add(new Failure("local:" + l.id(), "upload of local item " + l.id(),
                            "the folder is read-only: items cannot be added on the server"));
                }
            }
        }

        /**
         * After a UIDVALIDITY change, pairs are found again by Message-ID and size, and items without a
         * Message-ID by size and order. A pair found again keeps its flags, key and version, so that what
         * changed here since is still seen as changed. A synced item with no match was deleted on the
         * server: deleted here too, unless it changed here and the client wins: then it is uploaded again.
         * A pair whose local copy is gone is dropped (the server's item comes back as new).
         */
        private Rematch rematch(List<ItemState> rows) {
            Map<String, Deque<RemoteItem>> remoteByContent = new HashMap<>();
            Map<Long, Deque<RemoteItem>> remoteWithoutIdBySize = new TreeMap<>();
            for (RemoteItem r : in.changes().items()) {
                if (r.messageId() != null) {
                    remoteByContent.computeIfAbsent(r.messageId() + "/" + r.size(), k -> new ArrayDeque<>()).add(r);
                } else {
                    remoteWithoutIdBySize.computeIfAbsent(r.size(), k -> new ArrayDeque<>()).add(r);
                }
            }
            Map<ItemState, RemoteItem> found = new HashMap<>();
            Map<Long, List<ItemState>> withoutIdBySize = new HashMap<>();
            Map<ItemState, String> mids = new HashMap<>();
            for (ItemState row : rows) {
                LocalItem l = localById.get(row.localId());
                if (l == null) {
                    continue;
                }
                String mid = row.messageId() != null ? row.messageId() : in.localMessageId().apply(l);
                mids.put(row, mid);
                if (mid == null) {
                    withoutIdBySize.computeIfAbsent(row.size(), k -> new ArrayList<>()).add(row);
                    continue;
                }
                Deque<RemoteItem> q = remoteByContent.get(mid + "/" + row.size());
                if (q != null && !q.isEmpty()) {
                    found.put(row, q.poll());
                }
            }
            matchBySizeAndOrder(withoutIdBySize, remoteWithoutIdBySize, found);
            List<ItemState> kept = new ArrayList<>();
            List<ItemState> vanished = new ArrayList<>();
            for (ItemState row : rows) {
                LocalItem l = localById.get(row.localId());
                RemoteItem r = found.get(row);
                if (l == null) {
                    continue;
                }
                if (r != null) {
                    kept.add(new ItemState(in.folderId(), r.uid(), row.localId(), row.flags(), row.size(), mids.get(row),
                            row.partial(), row.key(), row.localVersion()));
                } else if (policy == ConflictPolicy.CLIENT_WINS && (!l.flags().equals(row.flags()) || editedHere(row, l))) {
                    unknownLocal.put(l.id(), l); // changed here, gone there: the client's copy wins
                } else {
                    vanished.add(row); // synced before, not on the server any more: deleted there
                }
            }
            return new Rematch(kept, vanished);
        }

        /**
         * Items without a Message-ID: where the pairs of one size are as many as the server's items of that
         * size, they are the same items, renumbered in the same order (UIDs grow with arrival).
         */
        private static void matchBySizeAndOrder(Map<Long, List<ItemState>> rowsBySize,
                                                Map<Long, Deque<RemoteItem>> remoteBySize, Map<ItemState, RemoteItem> found) {
            for (Map.Entry<Long, List<ItemState>> e : rowsBySize.entrySet()) {
                Deque<RemoteItem> candidates = remoteBySize.get(e.getKey());
                if (candidates == null || candidates.size() != e.getValue().size()) {
                    continue;
                }
                List<ItemState> sameSize = new ArrayList<>(e.getValue());
                sameSize.sort(Comparator.comparingLong(ItemState::uid));
                List<RemoteItem> servers = new ArrayList<>(candidates);
                servers.sort(Comparator.comparingLong(RemoteItem::uid));
                for (int i = 0; i < sameSize.size(); i++) {
                    found.put(sameSize.get(i), servers.get(i));
                }
            }
        }

        private Map<String, Deque<LocalItem>> contentIndex(Iterable<LocalItem> items) {
            Map<String, Deque<LocalItem>> index = new HashMap<>();
            for (LocalItem l : items) {
                String mid = in.localMessageId().apply(l);
                if (mid != null) {
                    index.computeIfAbsent(mid + "/" + l.size(), k -> new ArrayDeque<>()).add(l);
                }
            }
            return index;
        }
    }

    /** A pair without a recorded version (downloaded, or from before versions were kept) counts as unchanged. */
    static boolean editedHere(ItemState row, LocalItem l) {
        return l.version() != null && row.localVersion() != null && !l.version().equals(row.localVersion());
    }

    /** The server's item of a pair, as listed, or as recorded when the listing did not include it. */
    private static RemoteItem serverCopy(ItemState row, RemoteItem r, Flags rf) {
        return r != null ? r : new RemoteItem(row.uid(), rf, row.size(), null, row.messageId());
    }

    static Set<Long> goneOnServer(RemoteChanges rc, List<ItemState> rows, Map<Long, RemoteItem> listed) {
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
}
