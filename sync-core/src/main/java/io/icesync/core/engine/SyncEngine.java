package io.icesync.core.engine;

import io.icesync.core.FolderPath;
import io.icesync.core.internal.engine.Cycle;
import io.icesync.core.internal.engine.EngineContext;
import io.icesync.core.internal.engine.Monitor;
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
import java.util.function.Supplier;

/**
 * Two-way sync of a folder tree and its items between a {@link RemoteStore} and a
 * {@link LocalStore}, remembering what was synced in a {@link SyncStateStore}. One cycle runs at
 * a time; methods are safe to call from any thread.
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

    private SyncEngine(Builder b) {
        this.guard = b.guard;
        this.monitor = new Monitor(b.state, b.clock);
        this.ctx = new EngineContext(b.remote, b.local, b.state, b.settings, monitor, b.clock);
        this.firstSync = b.firstSync;
        b.listeners.forEach(monitor::addListener);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A full cycle: folder tree, then the items of every selected and priority folder.
     *
     * @throws MassDeleteException when the cycle would delete more than the builder's {@link DeleteGuard} lets it
     */
    public synchronized SyncReport syncOnce() {
        return syncOnce(guard);
    }

    /** A full cycle under another delete guard: {@link DeleteGuard#off()} confirms deletions a cycle refused. */
    public synchronized SyncReport syncOnce(DeleteGuard guard) {
        return cycle(guard).run(true, f -> selection(f.path()) != FolderSelection.UNSELECTED, false);
    }

    /** "Synchronise all" (F4.7): every folder, selected or not, listed in full, with ignored items retried. */
    public synchronized SyncReport syncAll() {
        return syncAll(guard);
    }

    /** "Synchronise all" under another delete guard. */
    public synchronized SyncReport syncAll(DeleteGuard guard) {
        return cycle(guard).run(true, f -> true, true);
    }

    private Cycle cycle(DeleteGuard g) {
        return new Cycle(ctx, firstSync, Objects.requireNonNull(g, "guard"));
    }

    /** Only the folder tree (F3.2). */
    public synchronized SyncReport syncStructure() {
        return cycle(guard).run(true, f -> false, false);
    }

    /** The items of the given folders (opened by the user, or due on their schedule); no tree sync. */
    public synchronized SyncReport syncFolders(Collection<FolderPath> folders, boolean retryIgnored) {
        Set<FolderPath> wanted = Set.copyOf(folders);
        return cycle(guard).run(false, f -> wanted.contains(f.path()), retryIgnored);
    }

    /** The items of every folder whose effective selection is {@code selection}; no tree sync. */
    public synchronized SyncReport syncFolders(FolderSelection selection) {
        return cycle(guard).run(false, f -> selection(f.path()) == selection, false);
    }

    private FolderSelection selection(FolderPath p) {
        return ctx.settings().get().selectionOf(p);
    }

    public SyncCounters counters() {
        return monitor.counters();
    }

    /** The last {@code max} session log events, oldest first (F11.2). */
    public List<SessionEvent> events(int max) {
        synchronized (this) {
            return ctx.state().recentEvents(max);
        }
    }

    /** Items that failed at least once; those with {@link IgnoredItem#ignored()} are no longer synced (F4.7, F11.3). */
    public synchronized List<IgnoredItem> failures() {
        return ctx.state().failures();
    }

    /** Clears the ignored list of one folder, or of all folders when {@code folder} is null. */
    public synchronized void clearIgnored(FolderPath folder) {
        ctx.state().clearFailures(folder);
    }

    public void addListener(SyncListener l) {
        monitor.addListener(l);
    }

    public void removeListener(SyncListener l) {
        monitor.removeListener(l);
    }

    /** Closes the remote store; the local and state stores belong to the caller. */
    @Override
    public synchronized void close() {
        ctx.remote().close();
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

        public Builder remote(RemoteStore r) {
            this.remote = r;
            return this;
        }

        public Builder local(LocalStore l) {
            this.local = l;
            return this;
        }

        public Builder state(SyncStateStore s) {
            this.state = s;
            return this;
        }

        public Builder settings(SyncSettings s) {
            Objects.requireNonNull(s, "settings");
            this.settings = () -> s;
            return this;
        }

        /** Settings read at the start of each folder's sync, so that changes apply without a rebuild. */
        public Builder settings(Supplier<SyncSettings> s) {
            this.settings = Objects.requireNonNull(s, "settings");
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public Builder firstSync(FirstSyncHandler h) {
            this.firstSync = Objects.requireNonNull(h, "firstSync");
            return this;
        }

        /** When a cycle stops instead of deleting; default {@link DeleteGuard#defaults()}. */
        public Builder deleteGuard(DeleteGuard g) {
            this.guard = Objects.requireNonNull(g, "deleteGuard");
            return this;
        }

        public Builder listener(SyncListener l) {
            listeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        public SyncEngine build() {
            Objects.requireNonNull(remote, "remote store");
            Objects.requireNonNull(local, "local store");
            Objects.requireNonNull(state, "state store");
            return new SyncEngine(this);
        }
    }
}
