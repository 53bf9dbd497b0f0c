package io.icesync.imap.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** UID sets as IMAP writes them ("1:5,7,9:12") and reads them back. */
final class Uids {
    private Uids() {
    }

    /** Compact sets, each under about {@code maxChars} characters so that no command line grows too long. */
    static List<String> sets(Collection<Long> uids, int maxChars) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        long start = -1;
        long prev = -1;
        for (long u : new TreeSet<>(uids)) {
            if (start >= 0 && u == prev + 1) {
                prev = u;
                continue;
            }
            if (start >= 0) {
                append(b, start, prev);
                if (b.length() > maxChars) {
                    out.add(b.toString());
                    b.setLength(0);
                }
            }
            start = prev = u;
        }
        if (start >= 0) {
            append(b, start, prev);
        }
        if (b.length() > 0) {
            out.add(b.toString());
        }
        return out;
    }

    private static void append(StringBuilder b, long from, long to) {
        if (b.length() > 0) {
            b.append(',');
        }
        b.append(from);
        if (to != from) {
            b.append(':').append(to);
        }
    }

    /** Expands "1:3,7" into 1,2,3,7 (a range is given in either order). */
    static List<Long> parse(String set) {
        List<Long> out = new ArrayList<>();
        for (String part : set.trim().split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            int colon = part.indexOf(':');
            if (colon < 0) {
                out.add(Long.parseLong(part));
            } else {
                long a = Long.parseLong(part.substring(0, colon));
                long z = Long.parseLong(part.substring(colon + 1));
                for (long u = Math.min(a, z); u <= Math.max(a, z); u++) {
                    out.add(u);
                }
            }
        }
        return out;
    }

    /** Reads "[COPYUID validity src dst]" from a response line: source UID -> destination UID. */
    static Map<Long, Long> copyUid(String line) {
        Map<Long, Long> map = new TreeMap<>();
        int i = line.toUpperCase(java.util.Locale.ROOT).indexOf("[COPYUID ");
        if (i < 0) {
            return map;
        }
        int end = line.indexOf(']', i);
        String[] parts = line.substring(i + 9, end < 0 ? line.length() : end).trim().split(" ");
        if (parts.length < 3) {
            return map;
        }
        List<Long> src = parse(parts[1]);
        List<Long> dst = parse(parts[2]);
        for (int k = 0; k < Math.min(src.size(), dst.size()); k++) {
            map.put(src.get(k), dst.get(k));
        }
        return map;
    }
}
