package io.icesync.client.internal;

import io.icesync.client.ScheduledSync;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.SyncSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facade's schedules: each cycle goes through the facade (so its report is saved for
 * {@code status}), the intervals are read again after each run, and every cycle's report reaches
 * the caller. An exception ends one cycle and the schedule goes on; an {@link Error} (out of memory,
 * a linkage error) stops the schedule, since the process can no longer be trusted to sync: the
 * caller hears of it and should exit, so that a supervisor starts it afresh.
 */
public final class Scheduler implements ScheduledSync {
    /** What the facade runs for each kind of cycle. */
    public enum Kind {
        FULL("full", SyncSettings::structureInterval),
        STRUCTURE("structure", SyncSettings::structureInterval),
        PRIORITY("priority", SyncSettings::priorityInterval),
        SELECTED("selected", SyncSettings::standardInterval),
        /** The Global Address List, when {@code galSync} is on and {@code galInterval} has passed. */
        GAL("address list", SyncSettings::galInterval);

        public final String label;
        final Function<SyncSettings, Duration> interval;

        Kind(String label, Function<SyncSettings, Duration> interval) {
            this.label = label;
            this.interval = interval;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private final ScheduledThreadPoolExecutor executor;
    private final Function<Kind, SyncReport> run;
    private final Supplier<SyncSettings> settings;
    private final Consumer<SyncReport> onCycle;
    private final Consumer<Exception> onError;
    private final Consumer<Error> onFatal;
    private volatile boolean running = true;
    private volatile Error fatal;
    private final java.util.List<AutoCloseable> companions = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Scheduler(Function<Kind, SyncReport> run, Supplier<SyncSettings> settings, Consumer<SyncReport> onCycle,
                      Consumer<Exception> onError, Consumer<Error> onFatal) {
        this.run = run;
        this.settings = settings;
        this.onCycle = onCycle;
        this.onError = onError;
        this.onFatal = onFatal;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "icesync-scheduler");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Starts: a full cycle now, then each kind on its interval. {@code onFatal} hears of an Error that stopped it. */
    public static Scheduler start(Function<Kind, SyncReport> run, Supplier<SyncSettings> settings,
                                  Consumer<SyncReport> onCycle, Consumer<Exception> onError, Consumer<Error> onFatal) {
        Scheduler s = new Scheduler(run, settings, onCycle, onError, onFatal);
        s.executor.execute(() -> s.guard(Kind.FULL));
        s.later(Kind.STRUCTURE);
        s.later(Kind.PRIORITY);
        s.later(Kind.SELECTED);
        s.later(Kind.GAL);
        return s;
    }

    private void later(Kind kind) {
        if (!running) {
            return;
        }
        long ms = kind.interval.apply(settings.get()).toMillis();
        try {
            executor.schedule(() -> {
                guard(kind);
                later(kind);
            }, ms, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopped meanwhile
        }
    }

    private SyncReport guard(Kind kind) {
        return guard(kind.label, () -> run.apply(kind));
    }

    /**
     * Queues a cycle of the caller's (the folders a local change concerns) after the one under way;
     * it is reported like the scheduled ones. {@code cycle} may answer null: nothing to sync.
     */
    public void runSoon(String label, Supplier<SyncReport> cycle) {
        if (!running) {
            return;
        }
        try {
            executor.execute(() -> guard(label, cycle));
        } catch (RejectedExecutionException e) {
            // stopped meanwhile
        }
    }

    /** Something that lives as long as the schedule (the local-change watcher, the POP3 listener): closed when it stops. */
    public void alsoClose(AutoCloseable c) {
        companions.add(c);
        if (!running) {
            closeCompanion();
        }
    }

    private SyncReport guard(String label, Supplier<SyncReport> cycle) {
        if (!running) {
            return null;
        }
        try {
            SyncReport r = cycle.get();
            if (r != null && onCycle != null) {
                onCycle.accept(r);
            }
            return r;
        } catch (RuntimeException e) {
            if (onError == null) {
                LOG.warn("scheduled {} sync failed: {}", label, e.toString());
            } else {
                LOG.info("scheduled {} sync failed: {}", label, e.toString());
                try {
                    onError.accept(e);
                } catch (RuntimeException x) {
                    LOG.warn("the error handler failed: {}", x.toString());
                }
            }
            return null;
        } catch (Error e) {
            stopAfter(label, e);
            throw e;
        }
    }

    /** Stops the schedule after an Error and tells the caller; nothing here may hide the error. */
    private void stopAfter(String label, Error e) {
        fatal = e;
        running = false;
        executor.shutdown();
        try {
            closeCompanion();
            LOG.error("scheduled {} sync stopped by a fatal error; the schedule is stopped", label, e);
        } catch (Throwable ignored) {
            // logging may fail too (out of memory): the caller still hears below
        }
        if (onFatal != null) {
            try {
                onFatal.accept(e);
            } catch (Throwable x) {
                e.addSuppressed(x);
            }
        }
    }

    @Override
    public Optional<Error> fatal() {
        return Optional.ofNullable(fatal);
    }

    @Override
    public Future<SyncReport> runNow() {
        return executor.submit(() -> run.apply(Kind.FULL));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean stop(Duration timeout) throws InterruptedException {
        running = false;
        closeCompanion();
        executor.shutdown();
        if (executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        executor.shutdownNow();
        return executor.awaitTermination(1, TimeUnit.SECONDS);
    }

    private void closeCompanion() {
        for (AutoCloseable c : companions) {
            if (companions.remove(c)) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.debug("closing {}: {}", c, e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            stop(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
