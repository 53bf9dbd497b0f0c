package io.icesync.examples.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * While open, SIGINT (Ctrl-C) or SIGTERM runs {@code cancel} and holds the JVM's exit until the command
 * line has finished (at most a minute): the command ends its cycle, says so, closes its stores and its
 * output is flushed first. The JVM then exits with 130 (SIGINT) or 143 (SIGTERM).
 */
final class CancelOnSignal implements AutoCloseable {
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final Thread hook;

    CancelOnSignal(Runnable cancel, CountDownLatch finished) {
        hook = new Thread(() -> {
            signalled.set(true);
            cancel.run();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "icesync-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once a signal asked the process to stop. */
    boolean signalled() {
        return signalled.get();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs: it waits for the command line to finish
        }
    }
}
