package io.icesync.examples.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A long-running command's answer to SIGINT and SIGTERM: the JVM's shutdown hook counts {@code stop} down,
 * then waits (at most 60 s) until the command has closed what it holds and called {@link #close()}, so
 * that the process does not end in the middle of that.
 */
final class StopOnSignal implements AutoCloseable {
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    StopOnSignal(CountDownLatch stop, String threadName) {
        hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, threadName);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The command has closed what it holds: a running hook may let the JVM end; otherwise it is removed. */
    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waits for closed, counted down above
        }
    }
}
