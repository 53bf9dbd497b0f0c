package io.icesync.testkit;

import java.time.Duration;

/**
 * A wait of {@link IceWarpServer#waitForMail} or {@link IceWarpServer#waitForSentMail} ran out of time:
 * what was waited for, how many were wanted and how many came. An {@link AssertionError}, so that a test
 * reports it as a failed expectation, not as a broken test.
 */
public final class MailNotArrivedError extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** What was counted, such as {@code messages in jean@iwdemo.test/INBOX}. */
    private final String waitedFor;
    /** How many were wanted at least. */
    private final int wanted;
    /** How many there were when the time ran out. */
    private final int found;
    private final transient Duration timeout;

    /**
     * A wait that ran out; the message says all of the following.
     *
     * @param waitedFor what was counted, such as {@code messages in jean@iwdemo.test/INBOX}
     * @param wanted    how many were wanted at least
     * @param found     how many there were when the time ran out
     * @param timeout   how long the wait lasted
     */
    public MailNotArrivedError(String waitedFor, int wanted, int found, Duration timeout) {
        super("waited " + timeout.toMillis() + " ms for " + waitedFor + ": wanted at least " + wanted + ", found "
                + found);
        this.waitedFor = waitedFor;
        this.wanted = wanted;
        this.found = found;
        this.timeout = timeout;
    }

    /** {@return what was counted, such as {@code messages in jean@iwdemo.test/INBOX}} */
    public String waitedFor() {
        return waitedFor;
    }

    /** {@return how many were wanted at least} */
    public int wanted() {
        return wanted;
    }

    /** {@return how many there were when the time ran out} */
    public int found() {
        return found;
    }

    /** {@return how long the wait lasted; null after deserialization} */
    public Duration timeout() {
        return timeout;
    }
}
