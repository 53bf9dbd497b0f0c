package io.icesync.imap.internal;

import io.icesync.core.AuthenticationException;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.spi.ServerInfo;
import io.icesync.imap.ImapPush;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push connections of an {@link ImapPush} and their threads: a first connection learns what the
 * server offers; with NOTIFY it stays and watches every personal folder, otherwise one connection per
 * folder IDLEs. Any failure closes them all, and after a pause (doubling from 1 s to 5 minutes, back to
 * 1 s once news flows again) they are made again. A refused login or certificate, or a server without
 * NOTIFY and IDLE, stops push for good: retrying would only repeat it.
 */
public final class PushLoop implements ImapPush {
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration MAX_PAUSE = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(PushLoop.class);

    private final ImapOptions opt;
    private final Supplier<List<FolderPath>> idleFolders;
    private final Listener listener;
    private final Duration renew;
    private final ScheduledExecutorService timer;
    private final List<PushSession> sessions = new CopyOnWriteArrayList<>();
    private final Thread main;
    private final Object sleep = new Object();
    private volatile boolean closed;
    private volatile Mode mode;

    private PushLoop(ImapOptions opt, Supplier<List<FolderPath>> idleFolders, Listener listener, Duration renew) {
        // IDLE is quiet for long stretches: the read timeout must outlast a renewal.
        this.opt = opt.withReadTimeout(renew.plus(opt.readTimeout()));
        this.idleFolders = idleFolders;
        this.listener = listener;
        this.renew = renew;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "icesync-push-renew"));
        this.main = daemon(this::run, "icesync-push");
    }

    /** Starts watching on threads of its own; returns at once. */
    public static PushLoop start(ImapOptions opt, Supplier<List<FolderPath>> idleFolders, Listener listener,
                                 Duration renew) {
        PushLoop loop = new PushLoop(opt, idleFolders, listener, renew);
        loop.main.start();
        return loop;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public Mode mode() {
        return mode;
    }

    private void run() {
        Duration pause = FIRST_PAUSE;
        int round = 0;
        while (!closed) {
            boolean resumed = round++ > 0;
            AtomicReference<Boolean> flowed = new AtomicReference<>(false);
            try {
                if (!watchOnce(resumed, flowed)) {
                    return;
                }
            } catch (AuthenticationException | UntrustedCertificateException e) {
                if (!closed) {
                    listener.stopped("push stopped: " + e.getMessage(), null);
                }
                return;
            } catch (IceSyncException | IllegalStateException e) {
                if (closed) {
                    return;
                }
                if (flowed.get()) {
                    pause = FIRST_PAUSE;
                }
                LOG.info("push connection to {} lost: {}", opt.server(), e.getMessage());
                listener.stopped("push connection lost (" + e.getMessage() + ")", pause);
                if (!pauseFor(pause)) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** One round: connect, watch until a failure (thrown) or the end (true to go on, false to stop). */
    private boolean watchOnce(boolean resumed, AtomicReference<Boolean> flowed) {
        PushSession first = new PushSession(opt, null, events(() -> {
            flowed.set(true);
            listener.watching(Mode.NOTIFY, List.of(), resumed);
        }), timer, renew);
        sessions.add(first);
        try {
            ServerInfo info = first.connect();
            if (info.has("NOTIFY")) {
                mode = Mode.NOTIFY;
                first.watch();
                return !closed;
            }
            first.drop();
            sessions.remove(first);
            if (!info.has("IDLE")) {
                listener.stopped("the server " + opt.server() + " offers neither NOTIFY nor IDLE: changes there"
                        + " wait for the schedule", null);
                return false;
            }
            mode = Mode.IDLE;
            watchIdle(resumed, flowed);
            return !closed;
        } finally {
            closeSessions();
        }
    }

    /** One thread and connection per folder; the first failure ends them all and is thrown here. */
    private void watchIdle(boolean resumed, AtomicReference<Boolean> flowed) {
        List<FolderPath> folders = new ArrayList<>(idleFolders.get());
        if (folders.isEmpty()) {
            folders.add(FolderPath.of("INBOX"));
        }
        List<FolderPath> watched = List.copyOf(folders.subList(0, Math.min(MAX_IDLE_FOLDERS, folders.size())));
        AtomicInteger waiting = new AtomicInteger(watched.size());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (FolderPath f : watched) {
            PushSession s = new PushSession(opt, f, events(() -> {
                if (waiting.decrementAndGet() == 0) {
                    flowed.set(true);
                    listener.watching(Mode.IDLE, watched, resumed);
                }
            }), timer, renew);
            sessions.add(s);
            Thread t = daemon(() -> {
                try {
                    s.connect();
                    s.watch();
                } catch (RuntimeException e) {
                    if (failure.compareAndSet(null, e)) {
                        closeSessions();
                    }
                } finally {
                    s.drop();
                }
            }, "icesync-push-idle");
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                return;
            }
        }
        RuntimeException e = failure.get();
        if (e != null && !closed) {
            throw e;
        }
    }

    private PushSession.Events events(Runnable watching) {
        return new PushSession.Events() {
            @Override
            public void changed(FolderPath folder) {
                listener.changed(folder);
            }

            @Override
            public void treeChanged() {
                listener.treeChanged();
            }

            @Override
            public void watching() {
                watching.run();
            }
        };
    }

    private boolean pauseFor(Duration d) {
        synchronized (sleep) {
            try {
                if (!closed) {
                    sleep.wait(d.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !closed;
    }

    private void closeSessions() {
        for (PushSession s : sessions) {
            s.close();
        }
        sessions.clear();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (sleep) {
            sleep.notifyAll();
        }
        closeSessions();
        try {
            main.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
    }
}
