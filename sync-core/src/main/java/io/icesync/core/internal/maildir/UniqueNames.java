package io.icesync.core.internal.maildir;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Unique parts of new message names, as mbsync makes them: {@code <epochSeconds>.<pid>_<counter>.<host>}.
 * The counter is shared by every store of the JVM, so two stores on one tree never pick the same name
 * within a second; the host has '/', ':' and ',' replaced by octal escapes as the Maildir spec asks.
 */
final class UniqueNames {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();
    private static final String HOST = sanitise(hostName());
    private static final Pattern OURS = Pattern.compile("\\d+\\.\\d+_\\d+\\." + Pattern.quote(HOST));

    private UniqueNames() {
    }

    static String next() {
        return Instant.now().getEpochSecond() + "." + PID + "_" + COUNTER.incrementAndGet() + "." + HOST;
    }

    /** True for a tmp/ file this host's IceSync wrote (in this or an earlier process). */
    static boolean isOurs(String fileName) {
        return OURS.matcher(fileName).matches();
    }

    private static String hostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h == null || h.isBlank() ? "localhost" : h;
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }

    static String sanitise(String host) {
        StringBuilder b = new StringBuilder();
        for (char c : host.toCharArray()) {
            if (c == '/' || c == ':' || c == ',' || c < 0x20) {
                b.append('\\').append(String.format("%03o", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
