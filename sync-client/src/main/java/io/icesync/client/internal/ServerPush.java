package io.icesync.client.internal;

import io.icesync.core.FolderPath;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.FolderSelection;
import io.icesync.core.settings.SyncSettings;
import io.icesync.imap.ImapPush;
import io.icesync.imap.ImapRemoteStore;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server changes pushed into the schedule: the folders the IMAP server reports changed (NOTIFY, else
 * IDLE on the priority folders) are gathered for a moment ({@link #QUIET}, at most {@link #MAX_WAIT}
 * after the first) and synced by one cycle of those folders on the schedule's thread; a change of the
 * folder tree queues a folder-tree cycle. At most one such cycle waits at a time: what arrives
 * meanwhile joins it. After the push connection was lost and made again, the watched folders are
 * synced once, since what changed in between was not reported. Push never stops the schedule: a lost
 * connection is a session-log warning and the intervals go on.
 */
public final class ServerPush implements AutoCloseable {
    static final Duration QUIET = Duration.ofMillis(30);
    static final Duration MAX_WAIT = Duration.ofMillis(300);
    private static final Logger LOG = LoggerFactory.getLogger(ServerPush.class);

    /** What the facade does for push: the cycles (each through the facade) and the session log. */
    public interface Cycles {
        SyncReport folders(List<FolderPath> folders);

        SyncReport tree();

        SyncReport selected();
    }

    private final Scheduler schedule;
    private final Supplier<SyncSettings> settings;
    private final Cycles cycles;
    private final BiConsumer<Boolean, String[]> sessionLog;
    private final ScheduledExecutorService debounce;
    private final Set<FolderPath> pending = new LinkedHashSet<>();
    private boolean flushPlanned;
    private boolean cycleQueued;
    private long firstNanos;
    private volatile boolean warned;
    private final ImapPush push;

    private ServerPush(ImapRemoteStore remote, Scheduler schedule, Supplier<SyncSettings> settings,
                       Function<SyncSettings, List<FolderPath>> priority, Cycles cycles,
                       BiConsumer<Boolean, String[]> sessionLog) {
        this.schedule = schedule;
        this.settings = settings;
        this.cycles = cycles;
        this.sessionLog = sessionLog;
        this.debounce = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "icesync-push-gather");
            t.setDaemon(true);
            return t;
        });
        this.push = remote.push(() -> priority.apply(settings.get()), new Heard());
    }

    /**
     * Starts pushing into {@code schedule}. {@code priority} names the folders IDLE watches when the
     * server has no NOTIFY; {@code sessionLog} receives (warning?, {title, detail}).
     */
    public static ServerPush start(ImapRemoteStore remote, Scheduler schedule, Supplier<SyncSettings> settings,
                                   Function<SyncSettings, List<FolderPath>> priority, Cycles cycles,
                                   BiConsumer<Boolean, String[]> sessionLog) {
        return new ServerPush(remote, schedule, settings, priority, cycles, sessionLog);
    }

    private final class Heard implements ImapPush.Listener {
        @Override
        public void changed(FolderPath folder) {
            SyncSettings now = settings.get();
            if (now.pushChanges() && now.selectionOf(folder) != FolderSelection.UNSELECTED) {
                gather(folder);
            }
        }

        @Override
        public void treeChanged() {
            if (settings.get().pushChanges()) {
                schedule.runSoon("server change", cycles::tree);
            }
        }

        @Override
        public void watching(ImapPush.Mode mode, List<FolderPath> folders, boolean resumed) {
            String what = mode == ImapPush.Mode.NOTIFY ? "every folder (IMAP NOTIFY)" : folders + " (IMAP IDLE)";
            LOG.info("server changes pushed for {}{}", what, resumed ? " again" : "");
            if (warned || !resumed) {
                sessionLog.accept(false, new String[] {"server push on", "changes on the server to " + what
                        + " are synced as they happen"});
            }
            warned = false;
            if (resumed && settings.get().pushChanges()) {
                // What changed while the connection was down was not reported.
                schedule.runSoon("server change", mode == ImapPush.Mode.NOTIFY ? cycles::selected
                        : () -> cycles.folders(folders));
            }
        }

        @Override
        public void stopped(String why, Duration retryIn) {
            String next = retryIn == null ? "; changes on the server wait for the schedule"
                    : "; changes on the server wait for the schedule until it is back (next try in "
                    + retryIn.toSeconds() + " s)";
            LOG.info("server push: {}{}", why, next);
            if (!warned) {
                warned = true;
                sessionLog.accept(true, new String[] {"server push stopped", why + next});
            }
        }
    }

    private synchronized void gather(FolderPath folder) {
        long now = System.nanoTime();
        if (pending.isEmpty()) {
            firstNanos = now;
        }
        pending.add(folder);
        if (!flushPlanned) {
            flushPlanned = true;
            plan(now);
        }
    }

    private void plan(long now) {
        long due = Math.min(now + QUIET.toNanos(), firstNanos + MAX_WAIT.toNanos());
        try {
            debounce.schedule(this::flush, Math.max(0, due - now), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private synchronized void flush() {
        flushPlanned = false;
        if (pending.isEmpty() || cycleQueued) {
            return; // a queued cycle takes them when it starts
        }
        cycleQueued = true;
        schedule.runSoon("server change", () -> {
            List<FolderPath> folders = take();
            return folders.isEmpty() ? null : cycles.folders(folders);
        });
    }

    private synchronized List<FolderPath> take() {
        cycleQueued = false;
        List<FolderPath> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    @Override
    public void close() {
        push.close();
        debounce.shutdownNow();
    }
}
