package io.icesync.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scripted misbehaviour of the {@link TestWebDav} server, for tests of how a client copes. A fault
 * acts once unless told otherwise:
 *
 * <pre>{@code
 * dav.faults().cutAfter(1_000_000);                              // the next GET body stops after 1 MB
 * dav.faults().cutAfter(4096).times(3).on("Docs/big.bin");        // three cut answers for that file
 * dav.faults().cutAfter(500).thenChangeTo(newBytes);             // the file changes before the next attempt
 * dav.faults().status("Docs/report.pdf", 503).times(Integer.MAX_VALUE);
 * }</pre>
 */
public final class WebDavFaults {
    /** One scripted fault; {@link #fired()} tells how often it acted. */
    public static final class Fault {
        private final long cutAfter;
        private final int status;
        private final AtomicInteger left = new AtomicInteger(1);
        private final AtomicInteger fired = new AtomicInteger();
        private volatile String path;
        private volatile String method;
        private volatile byte[] changeTo;

        Fault(long cutAfter, int status, String path) {
            this.cutAfter = cutAfter;
            this.status = status;
            this.path = path;
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
         * Acts only on requests for this path (relative to the account's root).
         *
         * @param p the path
         * @return this fault
         * @throws IllegalArgumentException when the path holds {@code .} or {@code ..}
         */
        public Fault on(String p) {
            this.path = WebDavFiles.normalize(p);
            return this;
        }

        /**
         * Acts only on this method ({@code GET}, {@code PUT}, ...); a status fault acts on any by default,
         * a cut on {@code GET}.
         *
         * @param m the method, in any case
         * @return this fault
         */
        public Fault method(String m) {
            this.method = m.toUpperCase(Locale.ROOT);
            return this;
        }

        /**
         * After a cut, replaces the file with this content: the next attempt finds a new version.
         *
         * @param content the new content; copied
         * @return this fault
         * @throws IllegalArgumentException when this is a status fault
         */
        public Fault thenChangeTo(byte[] content) {
            if (cutAfter < 0) {
                throw new IllegalArgumentException("only a cut transfer can change the file afterwards");
            }
            this.changeTo = content.clone();
            return this;
        }

        /** {@return how many times the fault has acted so far} */
        public int fired() {
            return fired.get();
        }

        /** {@return the body bytes sent before the connection is dropped, or -1 for a status fault} */
        public long cutAfter() {
            return cutAfter;
        }

        /** {@return the status answered, or 0 for a cut} */
        public int status() {
            return status;
        }

        byte[] changeTo() {
            return changeTo;
        }

        boolean matches(String m, String p) {
            if (left.get() <= 0) {
                return false;
            }
            if (path != null && !path.equals(p)) {
                return false;
            }
            String only = method != null ? method : cutAfter >= 0 ? "GET" : null;
            return only == null || only.equals(m);
        }

        boolean claim() {
            if (left.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) <= 0) {
                return false;
            }
            fired.incrementAndGet();
            return true;
        }

        @Override
        public String toString() {
            return (cutAfter >= 0 ? "cut after " + cutAfter + " bytes" : "status " + status)
                    + (path != null ? " on " + path : "") + ", " + left.get() + " left";
        }
    }

    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    WebDavFaults() {
    }

    /**
     * Drops the connection once a GET answer has sent this many body bytes (headers announce the whole length).
     *
     * @param bytes the body bytes sent first, 0 or more
     * @return the new fault, acting on any path until {@link Fault#on} says
     * @throws IllegalArgumentException when {@code bytes} is negative
     */
    public Fault cutAfter(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("byte count must be 0 or more, got " + bytes);
        }
        return add(new Fault(bytes, 0, null));
    }

    /**
     * Answers this status, with no body, to requests for the path (any method unless {@link Fault#method} says).
     *
     * @param path   the path, relative to the account's root
     * @param status the HTTP status, 100 to 599
     * @return the new fault
     * @throws IllegalArgumentException when {@code status} is out of range or the path holds {@code .} or {@code ..}
     */
    public Fault status(String path, int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return add(new Fault(-1, status, WebDavFiles.normalize(path)));
    }

    /** Removes every fault. */
    public void clear() {
        faults.clear();
    }

    /** {@return a copy of the faults added since the last {@link #clear()}, spent ones included, in order} */
    public List<Fault> list() {
        return new ArrayList<>(faults);
    }

    /** The status fault that acts on this request now (claimed), or null. */
    Fault takeStatus(String method, String path) {
        for (Fault f : faults) {
            if (f.status > 0 && f.matches(method, path) && f.claim()) {
                return f;
            }
        }
        return null;
    }

    /** The cut that acts on this GET now (claimed), or null. */
    Fault takeCut(String method, String path) {
        for (Fault f : faults) {
            if (f.cutAfter >= 0 && f.matches(method, path) && f.claim()) {
                return f;
            }
        }
        return null;
    }

    private Fault add(Fault f) {
        faults.add(f);
        return f;
    }
}
