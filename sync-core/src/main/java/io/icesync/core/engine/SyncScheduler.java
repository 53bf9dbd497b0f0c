package io.icesync.core.engine;

import io.icesync.core.settings.FolderSelection;
import io.icesync.core.settings.SyncSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an engine on the guide's schedules (F3.2, F4.2): a full cycle at start, the folder tree every
 * structure interval, priority folders every priority interval, selected folders every standard
 * interval. All cycles run on one thread, one at a time; {@link #runNow()} adds one on demand.
 * A failed cycle is reported to the error handler and the schedule goes on.
 */
public final class SyncScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);
    private final SyncEngine engine;
    private final ScheduledExecutorService executor;
    private final List<Consumer<Exception>> errorHandlers = new CopyOnWriteArrayList<>();

    private SyncScheduler(SyncEngine engine) {
        this.engine = engine;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "icesync-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the schedules with the intervals of {@code settings} at this moment. */
    public static SyncScheduler start(SyncEngine engine, Supplier<SyncSettings> settings, Consumer<Exception> onError) {
        Objects.requireNonNull(engine, "engine");
        SyncScheduler s = new SyncScheduler(engine);
        if (onError != null) {
            s.errorHandlers.add(onError);
        }
        SyncSettings st = settings.get();
        s.executor.submit(() -> s.guard(() -> engine.syncOnce()));
        s.every(st.structureInterval(), engine::syncStructure);
        s.every(st.priorityInterval(), () -> engine.syncFolders(FolderSelection.PRIORITY));
        s.every(st.standardInterval(), () -> engine.syncFolders(FolderSelection.SELECTED));
        return s;
    }

    /** Queues a full cycle now ("Synchronise"); the future completes when it has run. */
    public Future<SyncReport> runNow() {
        return executor.submit(() -> engine.syncOnce());
    }

    private void every(Duration d, Supplier<SyncReport> job) {
        long ms = d.toMillis();
        executor.scheduleWithFixedDelay(() -> guard(job), ms, ms, TimeUnit.MILLISECONDS);
    }

    private void guard(Supplier<SyncReport> job) {
        try {
            job.get();
        } catch (RuntimeException e) {
            LOG.warn("scheduled sync failed: {}", e.toString());
            for (Consumer<Exception> h : errorHandlers) {
                h.accept(e);
            }
        }
    }

    /** Stops the schedules and waits up to {@code timeout} for a running cycle to finish. */
    public boolean stop(Duration timeout) throws InterruptedException {
        // Let a running cycle finish (it is crash safe, but a clean end is cheaper to resume).
        executor.shutdown();
        if (executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        executor.shutdownNow();
        return executor.awaitTermination(1, TimeUnit.SECONDS);
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
