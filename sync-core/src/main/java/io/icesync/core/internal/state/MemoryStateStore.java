package io.icesync.core.internal.state;

import io.icesync.core.FolderPath;
import io.icesync.core.StoreException;
import io.icesync.core.spi.FolderState;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.ItemState;
import io.icesync.core.spi.PendingOp;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * The state store in memory, for tests and short-lived syncs. Transactions copy the data at the
 * outermost begin and restore it if anything is thrown, errors included (a simulated kill).
 */
public final class MemoryStateStore implements SyncStateStore {
    static final int LOG_LIMIT = 200;

    private static final class Data {
        long nextFolderId = 1;
        long nextPendingId = 1;
        Map<Long, FolderState> folders = new TreeMap<>();
        Map<String, ItemState> items = new LinkedHashMap<>();
        Map<Long, PendingOp> pending = new TreeMap<>();
        Map<String, IgnoredItem> failures = new LinkedHashMap<>();
        Deque<SessionEvent> log = new ArrayDeque<>();
        Map<String, String> values = new HashMap<>();

        Data copy() {
            Data d = new Data();
            d.nextFolderId = nextFolderId;
            d.nextPendingId = nextPendingId;
            d.folders = new TreeMap<>(folders);
            d.items = new LinkedHashMap<>(items);
            d.pending = new TreeMap<>(pending);
            d.failures = new LinkedHashMap<>(failures);
            d.log = new ArrayDeque<>(log);
            d.values = new HashMap<>(values);
            return d;
        }
    }

    private Data data = new Data();
    private int depth;
    private boolean closed;

    @Override
    public synchronized void inTransaction(Runnable work) {
        check();
        if (depth > 0) {
            depth++;
            try {
                work.run();
            } finally {
                depth--;
            }
            return;
        }
        Data before = data.copy();
        depth = 1;
        try {
            work.run();
        } catch (Throwable t) {
            data = before;
            throw t;
        } finally {
            depth = 0;
        }
    }

    private void check() {
        if (closed) {
            throw new StoreException("the state store is closed", null);
        }
    }

    @Override
    public synchronized List<FolderState> folders() {
        check();
        List<FolderState> l = new ArrayList<>(data.folders.values());
        l.sort(Comparator.comparing(FolderState::path));
        return l;
    }

    @Override
    public synchronized Optional<FolderState> folder(long id) {
        return Optional.ofNullable(data.folders.get(id));
    }

    @Override
    public synchronized Optional<FolderState> folderByPath(FolderPath path) {
        return data.folders.values().stream().filter(f -> f.path().equals(path)).findFirst();
    }

    @Override
    public synchronized FolderState putFolder(FolderState f) {
        check();
        for (FolderState other : data.folders.values()) {
            if (other.path().equals(f.path()) && other.id() != f.id()) {
                throw new StoreException("a folder state for '" + f.path() + "' exists already", null);
            }
        }
        FolderState saved = f.id() == 0 ? new FolderState(data.nextFolderId++, f.path(), f.kind(), f.localId(), f.cursor()) : f;
        data.folders.put(saved.id(), saved);
        return saved;
    }

    @Override
    public synchronized void removeFolder(long folderId) {
        check();
        FolderState f = data.folders.remove(folderId);
        data.items.values().removeIf(i -> i.folderId() == folderId);
        if (f != null) {
            data.failures.values().removeIf(x -> x.folder().equals(f.path()));
        }
    }

    @Override
    public synchronized List<ItemState> items(long folderId) {
        List<ItemState> l = new ArrayList<>();
        for (ItemState i : data.items.values()) {
            if (i.folderId() == folderId) {
                l.add(i);
            }
        }
        l.sort(Comparator.comparingLong(ItemState::uid));
        return l;
    }

    @Override
    public synchronized Optional<ItemState> itemByUid(long folderId, long uid) {
        return data.items.values().stream().filter(i -> i.folderId() == folderId && i.uid() == uid).findFirst();
    }

    @Override
    public synchronized Optional<ItemState> itemByLocalId(String localId) {
        return Optional.ofNullable(data.items.get(localId));
    }

    @Override
    public synchronized void putItem(ItemState item) {
        check();
        Objects.requireNonNull(item.localId(), "localId");
        data.items.put(item.localId(), item);
    }

    @Override
    public synchronized void removeItem(String localId) {
        check();
        data.items.remove(localId);
    }

    @Override
    public synchronized void removeItems(long folderId) {
        check();
        data.items.values().removeIf(i -> i.folderId() == folderId);
    }

    @Override
    public synchronized long itemCount() {
        return data.items.size();
    }

    @Override
    public synchronized PendingOp addPending(PendingOp op) {
        check();
        PendingOp saved = new PendingOp(data.nextPendingId++, op.kind(), op.folder(), op.target(), op.localId(), op.uid(),
                op.messageId(), op.size());
        data.pending.put(saved.id(), saved);
        return saved;
    }

    @Override
    public synchronized void removePending(long id) {
        check();
        data.pending.remove(id);
    }

    @Override
    public synchronized List<PendingOp> pending() {
        return new ArrayList<>(data.pending.values());
    }

    @Override
    public synchronized IgnoredItem recordFailure(FolderPath folder, String key, String description, String error) {
        check();
        String k = folder + "\u0000" + key;
        IgnoredItem old = data.failures.remove(k);
        IgnoredItem now = new IgnoredItem(folder, key, description, old == null ? 1 : old.failures() + 1, error,
                Instant.now());
        data.failures.put(k, now);
        return now;
    }

    @Override
    public synchronized void clearFailure(FolderPath folder, String key) {
        check();
        data.failures.remove(folder + "\u0000" + key);
    }

    @Override
    public synchronized void clearFailures(FolderPath folder) {
        check();
        data.failures.values().removeIf(f -> folder == null || f.folder().equals(folder));
    }

    @Override
    public synchronized List<IgnoredItem> failures() {
        List<IgnoredItem> l = new ArrayList<>(data.failures.values());
        java.util.Collections.reverse(l);
        return l;
    }

    @Override
    public synchronized void log(SessionEvent event) {
        check();
        data.log.addLast(event);
        while (data.log.size() > LOG_LIMIT) {
            data.log.removeFirst();
        }
    }

    @Override
    public synchronized List<SessionEvent> recentEvents(int max) {
        List<SessionEvent> all = new ArrayList<>(data.log);
        return new ArrayList<>(all.subList(Math.max(0, all.size() - max), all.size()));
    }

    @Override
    public synchronized Optional<String> value(String key) {
        return Optional.ofNullable(data.values.get(key));
    }

    @Override
    public synchronized void putValue(String key, String value) {
        check();
        data.values.put(key, value);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
