package io.icesync.core.internal.state;

import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.PendingOp;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.NestedTransactions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state store in memory, for tests and one-off syncs, with the same semantics as the SQLite
 * one. A transaction copies the data at the outermost begin and puts the copy back if anything is
 * thrown, errors included (the engine's crash tests throw an Error to simulate a kill). The
 * values held are immutable records, so a shallow copy of each map is a full snapshot.
 */
public final class InMemorySyncStateStore implements SyncStateStore {
    /** How many session log events are kept (F11.2). */
    static final int LOG_LIMIT = 200;

    private record FailureKey(FolderPath folder, String key) {
    }

    private static final class Data {
        long nextFolderId = 1;
        long nextPendingId = 1;
        Map<Long, FolderState> folders = new TreeMap<>();
        Map<String, ItemState> items = new HashMap<>();
        Map<Long, PendingOp> pending = new TreeMap<>();
        /** In order of last failure, oldest first. */
        LinkedHashMap<FailureKey, IgnoredItem> failures = new LinkedHashMap<>();
        Deque<SessionEvent> log = new ArrayDeque<>();
        Map<String, String> values = new HashMap<>();
        Map<FolderPath, io.icesync.core.spi.FolderAccess> access = new TreeMap<>();
        Map<FolderPath, io.icesync.core.spi.ShareState> shares = new TreeMap<>();
        Map<String, String> accountGrants = new TreeMap<>();

        Data copy() {
            Data d = new Data();
            d.nextFolderId = nextFolderId;
            d.nextPendingId = nextPendingId;
            d.folders = new TreeMap<>(folders);
            d.items = new HashMap<>(items);
            d.pending = new TreeMap<>(pending);
            d.failures = new LinkedHashMap<>(failures);
            d.log = new ArrayDeque<>(log);
            d.values = new HashMap<>(values);
            d.access = new TreeMap<>(access);
            d.shares = new TreeMap<>(shares);
            d.accountGrants = new TreeMap<>(accountGrants);
            return d;
        }
    }

    private final Clock clock;
    private Data data = new Data();
    private Data snapshot;
    private boolean closed;
    private final NestedTransactions tx = new NestedTransactions(new NestedTransactions.Backend() {
        @Override
        public void begin() {
            snapshot = data.copy();
        }

        @Override
        public void commit() {
            snapshot = null;
        }

        @Override
        public void rollback() {
            data = snapshot;
            snapshot = null;
        }
    }, "in-memory state store");

    public InMemorySyncStateStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("in-memory state store: it is closed", null);
        }
    }

    @Override
    public synchronized void inTransaction(Runnable work) {
        checkOpen();
        tx.run(work);
    }

    // --- folders

    @Override
    public synchronized List<FolderState> folders() {
        checkOpen();
        List<FolderState> l = new ArrayList<>(data.folders.values());
        l.sort(Comparator.comparing(FolderState::path));
        return l;
    }

    @Override
    public synchronized Optional<FolderState> folder(long id) {
        checkOpen();
        return Optional.ofNullable(data.folders.get(id));
    }

    @Override
    public synchronized Optional<FolderState> folderByPath(FolderPath path) {
        checkOpen();
        Codec.path(path);
        return data.folders.values().stream().filter(f -> f.path().equals(path)).findFirst();
    }

    @Override
    public synchronized FolderState putFolder(FolderState f) {
        checkOpen();
        Codec.path(f.path()); // the same names are refused as by the SQLite store
        Objects.requireNonNull(f.kind(), "kind");
        for (FolderState other : data.folders.values()) {
            if (other.path().equals(f.path()) && other.id() != f.id()) {
                throw new StoreException("in-memory state store: cannot save folder '" + f.path()
                        + "': folder " + other.id() + " has that path already", null);
            }
        }
        FolderState saved = f.id() == 0
                ? new FolderState(data.nextFolderId, f.path(), f.kind(), f.localId(), f.cursor()) : f;
        // Ids are never reused, as with the SQLite store's AUTOINCREMENT.
        data.nextFolderId = Math.max(data.nextFolderId, saved.id() + 1);
        data.folders.put(saved.id(), saved);
        return saved;
    }

    @Override
    public synchronized void removeFolder(long folderId) {
        checkOpen();
        FolderState f = data.folders.remove(folderId);
        data.items.values().removeIf(i -> i.folderId() == folderId);
        if (f != null) {
            data.failures.keySet().removeIf(k -> k.folder().equals(f.path()));
        }
    }

    // --- items

    private static final Comparator<ItemState> BY_UID =
            Comparator.comparingLong(ItemState::uid).thenComparing(ItemState::localId);

    @Override
    public synchronized List<ItemState> items(long folderId) {
        checkOpen();
        List<ItemState> l = new ArrayList<>();
        for (ItemState i : data.items.values()) {
            if (i.folderId() == folderId) {
                l.add(i);
            }
        }
        l.sort(BY_UID);
        return l;
    }

    @Override
    public synchronized Optional<ItemState> itemByUid(long folderId, long uid) {
        checkOpen();
        return data.items.values().stream().filter(i -> i.folderId() == folderId && i.uid() == uid).min(BY_UID);
    }

    @Override
    public synchronized Optional<ItemState> itemByLocalId(String localId) {
        checkOpen();
        return Optional.ofNullable(data.items.get(localId));
    }

    @Override
    public synchronized void putItem(ItemState item) {
        checkOpen();
        Objects.requireNonNull(item.localId(), "localId");
        Objects.requireNonNull(item.flags(), "flags");
        if (!data.folders.containsKey(item.folderId())) {
            throw new StoreException("in-memory state store: cannot save item '" + item.localId()
                    + "': there is no folder " + item.folderId(), null);
        }
        data.items.put(item.localId(), item);
    }

    @Override
    public synchronized void removeItem(String localId) {
        checkOpen();
        data.items.remove(localId);
    }

    @Override
    public synchronized void removeItems(long folderId) {
        checkOpen();
        data.items.values().removeIf(i -> i.folderId() == folderId);
    }

    @Override
    public synchronized long itemCount() {
        checkOpen();
        return data.items.size();
    }

    // --- intents

    @Override
    public synchronized PendingOp addPending(PendingOp op) {
        checkOpen();
        Objects.requireNonNull(op.kind(), "kind");
        Codec.path(op.folder());
        PendingOp saved = new PendingOp(data.nextPendingId++, op.kind(), op.folder(), op.target(), op.localId(),
                op.uid(), op.messageId(), op.size());
        data.pending.put(saved.id(), saved);
        return saved;
    }

    @Override
    public synchronized void removePending(long id) {
        checkOpen();
        data.pending.remove(id);
    }

    @Override
    public synchronized List<PendingOp> pending() {
        checkOpen();
        return new ArrayList<>(data.pending.values());
    }

    // --- failures

    @Override
    public synchronized IgnoredItem recordFailure(FolderPath folder, String key, String description, String error) {
        checkOpen();
        Codec.path(folder);
        Objects.requireNonNull(key, "key");
        FailureKey k = new FailureKey(folder, key);
        IgnoredItem old = data.failures.remove(k);
        IgnoredItem now = new IgnoredItem(folder, key, description, old == null ? 1 : old.failures() + 1, error,
                clock.now());
        data.failures.put(k, now);
        return now;
    }

    @Override
    public synchronized void clearFailure(FolderPath folder, String key) {
        checkOpen();
        data.failures.remove(new FailureKey(folder, key));
    }

    @Override
    public synchronized void clearFailures(FolderPath folder) {
        checkOpen();
        data.failures.keySet().removeIf(k -> folder == null || k.folder().equals(folder));
    }

    @Override
    public synchronized List<IgnoredItem> failures() {
        checkOpen();
        List<IgnoredItem> l = new ArrayList<>(data.failures.values());
        Collections.reverse(l);
        return l;
    }

    // --- session log

    @Override
    public synchronized void log(SessionEvent event) {
        checkOpen();
        Objects.requireNonNull(event.time(), "time");
        Objects.requireNonNull(event.level(), "level");
        Objects.requireNonNull(event.message(), "message");
        data.log.addLast(event);
        while (data.log.size() > LOG_LIMIT) {
            data.log.removeFirst();
        }
    }

    @Override
    public synchronized List<SessionEvent> recentEvents(int max) {
        checkOpen();
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0: " + max);
        }
        List<SessionEvent> all = new ArrayList<>(data.log);
        return new ArrayList<>(all.subList(Math.max(0, all.size() - max), all.size()));
    }

    // --- values

    @Override
    public synchronized Optional<String> value(String key) {
        checkOpen();
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(data.values.get(key));
    }

    @Override
    public synchronized void putValue(String key, String value) {
        checkOpen();
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        data.values.put(key, value);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "InMemorySyncStateStore";
    }

    // --- rights and shares (F8)

    @Override
    public boolean keepsSharing() {
        return true;
    }

    @Override
    public synchronized List<io.icesync.core.spi.FolderAccess> folderAccess() {
        return new ArrayList<>(data.access.values());
    }

    @Override
    public synchronized void putFolderAccess(io.icesync.core.spi.FolderAccess a) {
        data.access.put(a.path(), a);
    }

    @Override
    public synchronized void removeFolderAccess(FolderPath path) {
        data.access.remove(path);
    }

    @Override
    public synchronized List<io.icesync.core.spi.ShareState> shares() {
        return new ArrayList<>(data.shares.values());
    }

    @Override
    public synchronized void putShare(io.icesync.core.spi.ShareState s) {
        data.shares.put(s.path(), s);
    }

    @Override
    public synchronized void removeShare(FolderPath path) {
        data.shares.remove(path);
    }

    @Override
    public synchronized Map<String, String> accountGrants() {
        return new java.util.LinkedHashMap<>(data.accountGrants);
    }

    @Override
    public synchronized void putAccountGrant(String identifier, String letters) {
        if (letters == null) {
            data.accountGrants.remove(identifier);
        } else {
            data.accountGrants.put(identifier, letters);
        }
    }
}
