package io.icesync.testkit.internal.imap;

import java.util.ArrayList;
import java.util.List;

/** An IMAP sequence set ({@code 1:4,7,9:*}) of message numbers or UIDs; {@code *} is the largest in use. */
final class SequenceSet {
    private final List<long[]> ranges;

    private SequenceSet(List<long[]> ranges) {
        this.ranges = ranges;
    }

    /** Parses a set; {@code star} is what {@code *} stands for (the last number, or 0 when empty). */
    static SequenceSet parse(String text, long star) {
        List<long[]> out = new ArrayList<>();
        if (text.isEmpty()) {
            throw ImapArgs.bad("empty sequence set");
        }
        for (String piece : text.split(",", -1)) {
            int colon = piece.indexOf(':');
            long a = number(colon < 0 ? piece : piece.substring(0, colon), star);
            long b = colon < 0 ? a : number(piece.substring(colon + 1), star);
            out.add(new long[] {Math.min(a, b), Math.max(a, b)});
        }
        return new SequenceSet(out);
    }

    private static long number(String s, long star) {
        if (s.equals("*")) {
            return star;
        }
        try {
            long n = Long.parseLong(s);
            if (n <= 0 || n > 0xffffffffL) {
                throw ImapArgs.bad("'" + s + "' is not a message number or UID (1..4294967295)");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ImapArgs.bad("'" + s + "' is not a sequence set element");
        }
    }

    static boolean looksLikeSet(String word) {
        return !word.isEmpty() && word.chars().allMatch(c -> c >= '0' && c <= '9' || c == ':' || c == ',' || c == '*');
    }

    boolean contains(long n) {
        for (long[] r : ranges) {
            if (n >= r[0] && n <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /** Renders sorted numbers compactly, as in COPYUID and VANISHED: {@code 1:3,7}. */
    static String render(List<Long> numbers) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < numbers.size()) {
            long start = numbers.get(i);
            long end = start;
            while (i + 1 < numbers.size() && numbers.get(i + 1) == end + 1) {
                end = numbers.get(++i);
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(start);
            if (end != start) {
                b.append(':').append(end);
            }
            i++;
        }
        return b.toString();
    }
}
