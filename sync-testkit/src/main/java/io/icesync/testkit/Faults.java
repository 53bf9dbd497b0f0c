package io.icesync.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scripted misbehaviour of the IMAP server, for tests of how a client copes. A fault fires on the
 * commands it matches, once unless told otherwise:
 *
 * <pre>{@code
 * server.faults().on("UID FETCH").replyNo("[UNAVAILABLE] try later");
 * server.faults().on("SELECT").times(2).delay(Duration.ofSeconds(1));
 * server.faults().afterCommands(5).drop();
 * server.faults().afterBytes(64 * 1024).drop();   // mid-transfer
 * server.faults().on("UID STORE").malformedLine();
 * server.faults().on("UID FETCH").stall();                          // no answer, ever
 * server.faults().on("UID FETCH").trickle(Duration.ofMillis(200));  // the answer one byte at a time
 * }</pre>
 *
 * UIDVALIDITY changes and expunges behind the client's back are done on the model:
 * {@link TestMailbox#resetUidValidity()}, {@link TestMailbox#expunge(long...)}.
 */
public final class Faults {
    /** What a fault does. */
    public enum Action {
        /** Closes the connection without a word: {@link Fault#drop()}. */
        DROP,
        /** Answers late: {@link Fault#delay(Duration)}. */
        DELAY,
        /** Answers {@code NO} instead of running the command: {@link Fault#replyNo(String)}. */
        NO,
        /** Answers {@code BAD} instead of running the command: {@link Fault#replyBad(String)}. */
        BAD,
        /** Sends an unreadable line before the answer: {@link Fault#malformedLine()}. */
        MALFORMED,
        /** Never answers again on the connection: {@link Fault#stall()}. */
        STALL,
        /** Sends the answer one byte at a time: {@link Fault#trickle(Duration)}. */
        TRICKLE,
        /** Sends far more than asked, then closes: {@link Fault#flood(Flood, long)}. */
        FLOOD
    }

    /** What a flood sends in place of the answer: a server that sends more than anyone asked. */
    public enum Flood {
        /** {@code * 1 FETCH (UID 1 BODY[] {n}} and n bytes. */
        LITERAL,
        /** One line of n bytes that never ends. */
        LINE,
        /** A small literal, then n bytes of the same line that never end. */
        AFTER_LITERAL
    }

    /** One scripted fault; {@link #fired()} tells how often it acted. */
    public static final class Fault {
        private final String command;
        private final int afterCommands;
        private final long afterBytes;
        private final AtomicInteger left = new AtomicInteger(1);
        private final AtomicInteger fired = new AtomicInteger();
        private volatile Action action;
        private volatile Duration delay = Duration.ZERO;
        private volatile String text = "";
        private volatile Flood flood;
        private volatile long floodBytes;

        Fault(String command, int afterCommands, long afterBytes) {
            this.command = command;
            this.afterCommands = afterCommands;
            this.afterBytes = afterBytes;
        }

        /**
         * Acts this many times (default once); {@link Integer#MAX_VALUE} for always.
         *
         * @param n how many times, at least 1
         * @return this fault
         * @throws IllegalArgumentException when {@code n} is below 1
         */
        public Fault times(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("times must be at least 1, got " + n);
            }
            left.set(n);
            return this;
        }

        /**
         * Closes the connection without a word, as a crashed server or a broken network does.
         *
         * @return this fault
         */
        public Fault drop() {
            return act(Action.DROP);
        }

        /**
         * Answers only after this long, then runs the command as usual.
         *
         * @param d the delay, not negative
         * @return this fault
         * @throws IllegalArgumentException when {@code d} is negative
         */
        public Fault delay(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative delay " + d);
            }
            delay = d;
            return act(Action.DELAY);
        }

        /**
         * Never answers, nor any later command of the connection, while keeping the connection open: a
         * server that hangs. The client's own timeouts or a close from its side end it.
         *
         * @return this fault
         */
        public Fault stall() {
            return act(Action.STALL);
        }

        /**
         * Answers the command as usual, but one byte every {@code perByte}: a server that keeps a read
         * timeout from firing while never finishing in useful time. Later commands wait for the end.
         *
         * @param perByte the pause before each byte, positive
         * @return this fault
         * @throws IllegalArgumentException when {@code perByte} is zero or negative
         */
        public Fault trickle(Duration perByte) {
            if (perByte.isNegative() || perByte.isZero()) {
                throw new IllegalArgumentException("the time per byte must be positive, got " + perByte);
            }
            delay = perByte;
            return act(Action.TRICKLE);
        }

        /**
         * Answers with {@code bytes} bytes shaped as {@code shape} instead of running the command, sent in
         * chunks as the client reads them (the server never holds them), then closes the connection.
         *
         * @param shape what the bytes look like
         * @param bytes how many bytes, positive
         * @return this fault
         * @throws IllegalArgumentException when {@code bytes} is not positive
         */
        public Fault flood(Flood shape, long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("a flood needs a positive size, got " + bytes);
            }
            flood = shape;
            floodBytes = bytes;
            return act(Action.FLOOD);
        }

        /** {@return what a flood sends, or null when this fault is no flood} */
        public Flood floodShape() {
            return flood;
        }

        /** {@return how many bytes a flood sends, or 0 when this fault is no flood} */
        public long floodBytes() {
            return floodBytes;
        }

        /**
         * Answers {@code tag NO <text>} instead of running the command.
         *
         * @param reason the text after {@code NO}, response code included, such as {@code [UNAVAILABLE] try later}
         * @return this fault
         */
        public Fault replyNo(String reason) {
            text = reason;
            return act(Action.NO);
        }

        /**
         * Answers {@code tag BAD <text>} instead of running the command.
         *
         * @param reason the text after {@code BAD}
         * @return this fault
         */
        public Fault replyBad(String reason) {
            text = reason;
            return act(Action.BAD);
        }

        /**
         * Sends a line no IMAP parser can read, then runs the command as usual.
         *
         * @return this fault
         */
        public Fault malformedLine() {
            return act(Action.MALFORMED);
        }

        private Fault act(Action a) {
            if (afterBytes > 0 && a != Action.DROP) {
                throw new IllegalArgumentException("a fault after a number of bytes can only drop the connection");
            }
            action = a;
            return this;
        }

        /** {@return how many times the fault has acted so far} */
        public int fired() {
            return fired.get();
        }

        /** {@return what the fault does, or null before one of its actions is chosen} */
        public Action action() {
            return action;
        }

        /** {@return the delay of a {@code DELAY} fault or the time per byte of a {@code TRICKLE} one; zero otherwise} */
        public Duration delay() {
            return delay;
        }

        /** {@return the text of a {@code NO} or {@code BAD} answer; empty otherwise} */
        public String text() {
            return text;
        }

        /** {@return the response bytes after which the connection drops, or 0 when the fault is not a byte limit} */
        public long afterBytes() {
            return afterBytes;
        }

        boolean matches(String commandLine, int commandNumber) {
            if (action == null || left.get() <= 0 || afterBytes > 0) {
                return false;
            }
            if (command != null) {
                String c = commandLine.toUpperCase(Locale.ROOT);
                return c.equals(command) || c.startsWith(command + " ");
            }
            return commandNumber > afterCommands;
        }

        /** Claims one firing; false when another session took the last one. */
        boolean claim() {
            if (left.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) <= 0) {
                return false;
            }
            fired.incrementAndGet();
            return true;
        }

        @Override
        public String toString() {
            return (command != null ? "on " + command : afterBytes > 0 ? "after " + afterBytes + " bytes"
                    : "after " + afterCommands + " commands") + ": " + action;
        }
    }

    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    /**
     * Adds a fault on a command, named as the client sends it: {@code SELECT}, {@code UID FETCH}, {@code LOGIN}.
     * It does nothing until one of its actions is chosen.
     *
     * @param command the command's name, in any case; it matches command lines that start with it and a space
     *                (so {@code FETCH} does not catch {@code UID FETCH}, {@code UID} catches every UID command)
     * @return the new fault
     * @throws IllegalArgumentException when {@code command} is null or blank
     */
    public Fault on(String command) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("name the command the fault acts on");
        }
        return add(new Fault(command.trim().toUpperCase(Locale.ROOT), 0, 0));
    }

    /**
     * Adds a fault on any command after the first n of a connection (counted per connection).
     *
     * @param n how many commands pass first, not negative
     * @return the new fault
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public Fault afterCommands(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative command count " + n);
        }
        return add(new Fault(null, n, 0));
    }

    /**
     * Drops a connection once it has sent this many response bytes: a transfer cut in the middle.
     *
     * @param n the byte count, at least 1
     * @return the new fault, already set to drop; it takes no other action
     * @throws IllegalArgumentException when {@code n} is below 1
     */
    public Fault afterBytes(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("byte count must be at least 1, got " + n);
        }
        Fault f = new Fault(null, 0, n);
        f.action = Action.DROP;
        return add(f);
    }

    private Fault add(Fault f) {
        faults.add(f);
        return f;
    }

    /** Removes every fault. */
    public void clear() {
        faults.clear();
    }

    /**
     * The fault that acts on this command now (claimed), or null. For the server.
     *
     * @param commandLine   the command without its tag, such as {@code UID FETCH 1:* (FLAGS)}
     * @param commandNumber the command's number in its connection, from 1
     * @return the first matching fault with firings left, now counted as fired; null when none
     */
    public Fault take(String commandLine, int commandNumber) {
        for (Fault f : faults) {
            if (f.matches(commandLine, commandNumber) && f.claim()) {
                return f;
            }
        }
        return null;
    }

    /**
     * The byte limit a connection should apply. For the server.
     *
     * @return the {@link #afterBytes} fault with the smallest limit and firings left, or null when none
     */
    public Fault byteLimit() {
        Fault best = null;
        for (Fault f : faults) {
            if (f.afterBytes > 0 && f.left.get() > 0 && (best == null || f.afterBytes < best.afterBytes)) {
                best = f;
            }
        }
        return best;
    }

    /**
     * Claims a byte-limit fault when a connection crosses it. For the server.
     *
     * @param f a fault from {@link #byteLimit()}
     * @return false when another connection took its last firing
     */
    public boolean claimBytes(Fault f) {
        return f.claim();
    }

    /** {@return a copy of the faults added since the last {@link #clear()}, spent ones included, in order} */
    public List<Fault> list() {
        return new ArrayList<>(faults);
    }
}
