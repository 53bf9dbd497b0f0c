package io.icesync.core.internal.engine;

import io.icesync.core.FolderPath;
import io.icesync.core.engine.NewMail;
import io.icesync.core.engine.SyncCounters;
import io.icesync.core.engine.SyncListener;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters, the session log and the listeners of one engine. Events are persisted so that another
 * process can read them. A listener that throws is logged, never allowed to stop a cycle.
 */
public final class Monitor {
    private static final Logger LOG = LoggerFactory.getLogger("io.icesync.sync");
    private final SyncStateStore state;
    private final Clock clock;
    private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();
    /** Listener and event kind pairs already logged as failing: one warning each, not one per call. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private long downloaded, toDownload, uploaded, toUpload, internal, toInternal;
    /** Events not yet in the state store: written together by {@link #saveLog()}, one commit, not one per event. */
    private final List<SessionEvent> unsaved = new java.util.ArrayList<>();

    public Monitor(SyncStateStore state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    public void addListener(SyncListener l) {
        listeners.add(l);
    }

    public void removeListener(SyncListener l) {
        listeners.remove(l);
    }

    public synchronized SyncCounters counters() {
        return new SyncCounters(downloaded, toDownload, uploaded, toUpload, internal, toInternal);
    }

    public void resetCounters() {
        synchronized (this) {
            downloaded = toDownload = uploaded = toUpload = internal = toInternal = 0;
        }
        fireCounters();
    }

    public void plan(long download, long upload, long internalChanges) {
        synchronized (this) {
            toDownload += download;
            toUpload += upload;
            toInternal += internalChanges;
        }
        fireCounters();
    }

    public void downloaded(long n) {
        synchronized (this) {
            downloaded += n;
        }
        fireCounters();
    }

    public void uploaded(long n) {
        synchronized (this) {
            uploaded += n;
        }
        fireCounters();
    }

    public void internal(long n) {
        synchronized (this) {
            internal += n;
        }
        fireCounters();
    }

    public void info(String message, String details) {
        event(SessionEvent.Level.INFO, message, details);
    }

    public void warning(String message, String details) {
        event(SessionEvent.Level.WARNING, message, details);
    }

    public void error(String message, String details) {
        event(SessionEvent.Level.ERROR, message, details);
    }

    private void event(SessionEvent.Level level, String message, String details) {
        SessionEvent e = new SessionEvent(clock.now(), level, message, details);
        switch (level) {
            case INFO -> LOG.info("{}{}", message, details == null ? "" : ": " + details);
            case WARNING -> LOG.warn("{}{}", message, details == null ? "" : ": " + details);
            case ERROR -> LOG.error("{}{}", message, details == null ? "" : ": " + details);
        }
        synchronized (unsaved) {
            unsaved.add(e);
        }
        fire("onEvent", l -> l.onEvent(e));
    }

    /** Writes the events of this cycle to the session log in one transaction. */
    public void saveLog() {
        List<SessionEvent> batch;
        synchronized (unsaved) {
            batch = List.copyOf(unsaved);
            unsaved.clear();
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            state.inTransaction(() -> batch.forEach(state::log));
        } catch (RuntimeException ex) {
            LOG.warn("could not write the session log: {}", ex.toString());
        }
    }

    public void itemFailed(IgnoredItem item) {
        fire("onItemFailed", l -> l.onItemFailed(item));
    }

    public void newMail(NewMail event) {
        fire("onNewMail", l -> l.onNewMail(event));
    }

    public void markedRead(FolderPath folder, java.util.List<String> localIds) {
        fire("onMarkedRead", l -> l.onMarkedRead(folder, localIds));
    }

    /** Logs a sharing change and tells the listeners. */
    public void sharing(io.icesync.core.engine.SharingEvent e) {
        event(e.kind() == io.icesync.core.engine.SharingEvent.Kind.SHARE_REVOKED
                || e.kind() == io.icesync.core.engine.SharingEvent.Kind.ACCESS_LIST_NOT_APPLIED
                ? SessionEvent.Level.WARNING : SessionEvent.Level.INFO, e.describe(), null);
        fire("onSharing", l -> l.onSharing(e));
    }

    public void folderStarted(FolderPath folder, int index, int total) {
        fire("onFolderStarted", l -> l.onFolderStarted(folder, index, total));
    }

    private void fireCounters() {
        if (listeners.isEmpty()) {
            return;
        }
        SyncCounters c = counters();
        fire("onCounters", l -> l.onCounters(c));
    }

    private void fire(String kind, Consumer<SyncListener> call) {
        for (SyncListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException ex) {
                if (warned.add(System.identityHashCode(l) + " " + l.getClass().getName() + " " + kind)) {
                    LOG.warn("the listener {} failed in {} (the sync goes on; further failures of it there are"
                            + " logged at debug level)", l, kind, ex);
                } else {
                    LOG.debug("the listener {} failed in {}: {}", l, kind, ex.toString());
                }
            }
        }
    }
}
