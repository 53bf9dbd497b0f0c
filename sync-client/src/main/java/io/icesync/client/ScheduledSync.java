package io.icesync.client;

import io.icesync.core.engine.SyncReport;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * A profile syncing on the schedules of its settings (F3.2, F4.2), from {@link IceSync#startScheduled}:
 * a full cycle at once, then the folder tree every structure interval, priority folders every
 * priority interval and selected folders every standard interval. Intervals are read again after
 * each run, so a settings change applies from the next run. Cycles run one at a time on one thread.
 * A failed cycle is reported and the schedule goes on; an {@link Error} in a cycle (out of memory...)
 * stops the schedule ({@link #fatal()}), as the process should then end and be started again.
 */
public interface ScheduledSync extends AutoCloseable {
    /**
     * Queues a full cycle now ("Synchronise").
     *
     * @return completes with the cycle's report when it has run, or exceptionally when it failed
     */
    Future<SyncReport> runNow();

    /**
     * Whether the schedule still runs.
     *
     * @return true until {@link #stop} was called or a fatal error stopped the schedule
     */
    boolean isRunning();

    /**
     * The {@link Error} that stopped the schedule.
     *
     * @return the error, or empty while none did
     */
    Optional<Error> fatal();

    /**
     * Stops the schedules and waits up to {@code timeout} for a running cycle to end (a cycle is crash
     * safe, but a clean end is cheaper to resume).
     *
     * @param timeout how long to wait for a running cycle
     * @return false if a cycle was still running then, true when the schedule has ended
     * @throws InterruptedException when the thread was interrupted while waiting
     */
    boolean stop(Duration timeout) throws InterruptedException;

    /** {@link #stop} with 30 seconds to finish. */
    @Override
    void close();
}
