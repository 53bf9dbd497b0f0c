package io.icesync.testkit.internal;

import io.icesync.testkit.MailNotArrivedError;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waiting for a list of the test server's to grow: mail in a folder, mail received by SMTP. */
public final class Await {
    /** How long a wait sleeps at most before it looks again, when nothing wakes it earlier. */
    private static final long LOOK_AGAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private Await() {
    }

    /**
     * Returns {@code current}'s list once it holds at least {@code count} items. The waiting thread may be
     * woken early with {@link LockSupport#unpark}; it looks again at least every 10 ms anyway.
     *
     * @throws MailNotArrivedError when {@code timeout} passes first
     */
    public static <T> List<T> atLeast(Supplier<List<T>> current, int count, Duration timeout, String waitedFor) {
        Objects.requireNonNull(timeout, "timeout");
        if (count < 1) {
            throw new IllegalArgumentException("wait for at least 1 of the " + waitedFor + ", not " + count);
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("a timeout cannot be negative, got " + timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<T> now = current.get();
            if (now.size() >= count) {
                return now;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new MailNotArrivedError(waitedFor, count, now.size(), timeout);
            }
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + count + " " + waitedFor);
            }
            LockSupport.parkNanos(Math.min(left, LOOK_AGAIN_NANOS));
        }
    }

    /** Closes a watch that cannot fail (the model's). */
    public static void close(AutoCloseable watch) {
        try {
            watch.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop a watch of the test server", e);
        }
    }
}
