package io.icesync.core.engine;

import io.icesync.core.FolderPath;
import io.icesync.core.internal.engine.Cycle;
import io.icesync.core.internal.engine.EngineContext;
import io.icesync.core.internal.engine.Monitor;
import io.icesync.core.internal.engine.Stop;
import io.icesync.core.settings.FolderSelection;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Two-way sync of a folder tree and its items between a {@link RemoteStore} and a
 * {@link LocalStore}, remembering what was synced in a {@link SyncStateStore}. One cycle runs at
 * a time; methods are safe to call from any thread. The queries ({@link #counters()},
 * {@link #events(int)}, {@link #failures()}) answer while a cycle runs; {@link #cancel()} and
 * {@link #close()} cut a cycle that hangs on the network.
 *
 * <pre>{@code
 * SyncEngine engine = SyncEngine.builder().remote(remote).local(local).state(state).build();
 * SyncReport report = engine.syncOnce();
 * }</pre>
 */
public final class SyncEngine implements AutoCloseable {
    private final EngineContext ctx;
    private final Monitor monitor;
    private final FirstSyncHandler firstSync;
    private final DeleteGuard guard;
    /** Held for a whole cycle; private, so that no caller can hold the engine up by locking it. */
    private final ReentrantLock cycleLock = new ReentrantLock();
    private final Stop stop = new Stop();
    private volatile boolean running;
    private volatile boolean closed;

    private SyncEngine(Builder b) {
        this.guard = b.guard;
        this.monitor = new Monitor(b.state, b.clock);
        this.ctx = new EngineContext(b.remote, b.local, b.state, b.settings, monitor, b.clock, stop);
        this.firstSync = b.firstSync;
        b.listeners.forEach(monitor::addListener);
    }

    /**
     * Starts building an engine.
     *
     * @return a new builder, with default settings, the system clock, {@link FirstSyncHandler#REFUSE}
     *         and {@link DeleteGuard#defaults()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A full cycle: folder tree, then the items of every selected and priority folder.
     *
     * @return what the cycle did, folder by folder
     * @throws MassDeleteException when the cycle would delete more than the builder's {@link DeleteGuard} lets it
     * @throws SyncCancelledException when {@link #cancel()} or {@link #close()} cut the cycle, or the engine is closed
     */
    public SyncReport syncOnce() {
        return syncOnce(guard);
    }

    /**
     * A full cycle under another delete guard: {@link DeleteGuard#off()} confirms deletions a cycle refused.
     *
     * @param guard the guard for this cycle only
     * @return what the cycle did, folder by folder
     * @throws MassDeleteException when the cycle would delete more than {@code guard} lets it
     * @throws SyncCancelledException when the cycle was cut or the engine is closed
     */
    public SyncReport syncOnce(DeleteGuard guard) {
        return run(() -> cycle(guard).run(true, f -> selection(f.path()) != FolderSelection.UNSELECTED, false));
    }

    /**
     * "Synchronise all" (F4.7): every folder, selected or not, listed in full, with ignored items retried.
     *
     * @return what the cycle did, folder by folder
     * @throws MassDeleteException when the cycle would delete more than the builder's {@link DeleteGuard} lets it
     * @throws SyncCancelledException when the cycle was cut or the engine is closed
     */
    public SyncReport syncAll() {
        return syncAll(guard);
    }

    /**
     * "Synchronise all" under another delete guard.
     *
     * @param guard the guard for this cycle only
     * @return what the cycle did, folder by folder
     * @throws MassDeleteException when the cycle would delete more than {@code guard} lets it
     * @throws SyncCancelledException when the cycle was cut or the engine is closed
     */
    public SyncReport syncAll(DeleteGuard guard) {
        return run(() -> cycle(guard).run(true, f -> true, true));
    }

    /** One cycle under the cycle lock; a cycle cut by {@link #cancel()} or {@link #close()} ends in {@link SyncCancelledException}. */
    private SyncReport run(Supplier<SyncReport> cycle) {
        cycleLock.lock();
        try {
            if (closed) {
                throw new SyncCancelledException(true, null);
            }
            boolean outer = !running;
            if (outer) {
                stop.clear();
                running = true;
            }
            try {
                return cycle.get();
            } catch (RuntimeException e) {
                throw stop.translate(e);
            } finally {
                if (outer) {
                    running = false;
                }
            }
        } finally {
            cycleLock.unlock();
        }
    }

    /**
     * Runs {@code work} holding the cycle lock, so that no other cycle starts before it ends: a cycle
     * run inside it and what the caller does with its report (save it, say) are one step for every
     * other thread. The queries do not wait for it.
     *
     * @param <T>  the type of the work's result
     * @param work what to run; it may start cycles of this engine
     * @return what {@code work} returned
     */
    public <T> T exclusively(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        cycleLock.lock();
        try {
            return work.get();
        } finally {
            cycleLock.unlock();
        }
    }

    /**
     * Cuts the cycle under way, if any, from any thread: the remote store's connection is closed
     * ({@link RemoteStore#abort()}), so a call blocked on the network fails at once, and the cycle ends
     * with a {@link SyncCancelledException}; its intents settle what it had under way at the next
     * cycle. Returns at once; the next cycle runs as usual.
     */
    public void cancel() {
        stop(false);
    }

    private void stop(boolean closing) {
        if (!running) {
            return;
        }
        stop.request(closing);
        try {
            ctx.remote().abort();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SyncEngine.class).warn("could not cut the connection: {}", e.toString());
        }
    }

    private Cycle cycle(DeleteGuard g) {
        return new Cycle(ctx, firstSync, Objects.requireNonNull(g, "guard"));
    }

    /**
     * Syncs only the folder tree (F3.2), no items.
     *
     * @return what the cycle did
     * @throws MassDeleteException when the cycle would delete more than the builder's {@link DeleteGuard} lets it
     * @throws SyncCancelledException when the cycle was cut or the engine is closed
     */
    public SyncReport syncStructure() {
        return run(() -> cycle(guard).run(true, f -> false, false));
    }

    /**
     * Syncs the items of the given folders (opened by the user, or due on their schedule); no tree sync.
     *
     * @param folders      the folders to sync; others are left alone
     * @param retryIgnored true to retry the items on the ignored list too (F4.7)
     * @return what the cycle did, folder by folder
     * @throws MassDeleteException when the cycle would delete more than the builder's {@link DeleteGuard} lets it
     * @throws SyncCancelledException when the cycle was cut or the engine is closed
     */
    public SyncReport syncFolders(Collection<FolderPath> folders, boolean retryIgnored) {
        Set<FolderPath> wanted = Set.copyOf(folders);
        return run(() -> cycle(guard).run(false, f -> wanted.contains(f.path()), retryIgnored));
    }

    /**
     * Syncs the items of every folder whose effective selection is {@code selection}; no tree sync.
     *
     * @param selection the selection the folders must have in the current settings
     * @return what the cycle did, folder by folder
     * @throws MassDeleteException when the cycle would delete more than the builder's {@link DeleteGuard} lets it
     * @throws SyncCancelledException when the cycle was cut or the engine is closed
     */
    public SyncReport syncFolders(FolderSelection selection) {
        return run(() -> cycle(guard).run(false, f -> selection(f.path()) == selection, false));
    }

    private FolderSelection selection(FolderPath p) {
        return ctx.settings().get().selectionOf(p);
    }

    /**
     * Reads the running totals; answers while a cycle runs.
     *
     * @return the counters now (F11.1)
     */
    public SyncCounters counters() {
        return monitor.counters();
    }

    /**
     * Reads the session log (F11.2).
     *
     * @param max how many events at most
     * @return the last {@code max} events, oldest first
     */
    public List<SessionEvent> events(int max) {
        return ctx.state().recentEvents(max);
    }

    /**
     * Lists the items that failed at least once; those with {@link IgnoredItem#ignored()} are no
     * longer synced (F4.7, F11.3).
     *
     * @return the failed items, most recent first
     */
    public List<IgnoredItem> failures() {
        return ctx.state().failures();
    }

    /**
     * Clears the ignored list of one folder, or of all folders when {@code folder} is null. Waits for
     * a cycle under way to end.
     *
     * @param folder the folder, or null for all
     */
    public void clearIgnored(FolderPath folder) {
        exclusively(() -> {
            ctx.state().clearFailures(folder);
            return null;
        });
    }

    /**
     * Tells the listeners of a sharing change found outside the engine (the folder listing of a store
     * that keeps shares) and writes it to the session log with this cycle's events.
     *
     * @param event the change to announce
     */
    public void announce(SharingEvent event) {
        monitor.sharing(event);
    }

    /**
     * Adds a listener for progress, new mail and other events of the cycles to come.
     *
     * @param l the listener; its exceptions are logged and ignored
     */
    public void addListener(SyncListener l) {
        monitor.addListener(l);
    }

    /**
     * Removes a listener added before; an unknown one is ignored.
     *
     * @param l the listener to remove
     */
    public void removeListener(SyncListener l) {
        monitor.removeListener(l);
    }

    /**
     * Tells this engine's listeners of new mail that reached the local store by another way than this
     * engine's remote store (a GroupWare profile's POP3 maildrop, F10.3), as the engine tells of its own
     * downloads (F11.5). A listener's exception is logged and ignored, as for the engine's own events.
     *
     * @param event the new mail; not null
     */
    public void announceNewMail(NewMail event) {
        monitor.newMail(Objects.requireNonNull(event, "event"));
    }

    /**
     * Cuts the cycle under way (as {@link #cancel()} does), waits for it to end, and closes the remote
     * store; the local and state stores belong to the caller. Later cycles fail with
     * {@link SyncCancelledException}.
     */
    @Override
    public void close() {
        closed = true;
        stop(true);
        exclusively(() -> {
            ctx.remote().close();
            return null;
        });
    }

    /** Builds a {@link SyncEngine}; remote, local and state are required. */
    public static final class Builder {
        private RemoteStore remote;
        private LocalStore local;
        private SyncStateStore state;
        private Supplier<SyncSettings> settings = SyncSettings::defaults;
        private Clock clock = Clock.SYSTEM;
        private FirstSyncHandler firstSync = FirstSyncHandler.REFUSE;
        private DeleteGuard guard = DeleteGuard.defaults();
        private final List<SyncListener> listeners = new java.util.ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the server side; required. {@link SyncEngine#close()} closes it.
         *
         * @param r the remote store
         * @return this builder
         */
        public Builder remote(RemoteStore r) {
            this.remote = r;
            return this;
        }

        /**
         * Sets the client side; required. The caller closes it.
         *
         * @param l the local store
         * @return this builder
         */
        public Builder local(LocalStore l) {
            this.local = l;
            return this;
        }

        /**
         * Sets where the sync state is kept; required. The caller closes it.
         *
         * @param s the state store
         * @return this builder
         */
        public Builder state(SyncStateStore s) {
            this.state = s;
            return this;
        }

        /**
         * Sets fixed settings; default {@link SyncSettings#defaults()}.
         *
         * @param s the settings; not null
         * @return this builder
         */
        public Builder settings(SyncSettings s) {
            Objects.requireNonNull(s, "settings");
            this.settings = () -> s;
            return this;
        }

        /**
         * Settings read at the start of each folder's sync, so that changes apply without a rebuild.
         *
         * @param s gives the current settings; not null
         * @return this builder
         */
        public Builder settings(Supplier<SyncSettings> s) {
            this.settings = Objects.requireNonNull(s, "settings");
            return this;
        }

        /**
         * Sets the clock for timestamps and schedules; default {@link Clock#SYSTEM}.
         *
         * @param c the clock; not null
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * Sets who chooses what the first sync does with a non-empty local store; default
         * {@link FirstSyncHandler#REFUSE}.
         *
         * @param h the handler; not null
         * @return this builder
         */
        public Builder firstSync(FirstSyncHandler h) {
            this.firstSync = Objects.requireNonNull(h, "firstSync");
            return this;
        }

        /**
         * When a cycle stops instead of deleting; default {@link DeleteGuard#defaults()}.
         *
         * @param g the guard for every cycle that names none; not null
         * @return this builder
         */
        public Builder deleteGuard(DeleteGuard g) {
            this.guard = Objects.requireNonNull(g, "deleteGuard");
            return this;
        }

        /**
         * Adds a listener from the start; may be called more than once.
         *
         * @param l the listener; not null
         * @return this builder
         */
        public Builder listener(SyncListener l) {
            listeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        /**
         * Builds the engine.
         *
         * @return a new engine, ready for its first cycle
         * @throws NullPointerException when the remote, local or state store is missing
         */
        public SyncEngine build() {

            Objects.requireNonNull(remote, "remote store");
            Objects.requireNonNull(local, "local store");
            Objects.requireNonNull(state, "state store");
            return new SyncEngine(this);
        }
    }
}
