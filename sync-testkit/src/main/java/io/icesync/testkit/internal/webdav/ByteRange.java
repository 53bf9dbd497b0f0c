package io.icesync.testkit.internal.webdav;

/**
 * One byte range of a {@code Range: bytes=...} header resolved against a length (RFC 9110 14.1.2).
 *
 * @param first the first byte sent
 * @param last  the last byte sent (inclusive)
 */
public record ByteRange(long first, long last) {
    /** What a Range header asks of a representation of this length. */
    public sealed interface Answer permits Whole, Partial, Unsatisfiable {
    }

    /** Send everything with 200: no Range, a malformed one, or several ranges (which this server does not serve). */
    public record Whole() implements Answer {
    }

    /** Send this part with 206. */
    public record Partial(ByteRange range) implements Answer {
    }

    /** Answer 416: the range starts beyond the end. */
    public record Unsatisfiable() implements Answer {
    }

    public long count() {
        return last - first + 1;
    }

    /** Resolves a Range header value (null: none) against the length. */
    public static Answer parse(String header, long length) {
        if (header == null || !header.trim().startsWith("bytes=") || header.contains(",")) {
            return new Whole();
        }
        String spec = header.trim().substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                if (suffix <= 0 || length == 0) {
                    return new Unsatisfiable();
                }
                return new Partial(new ByteRange(Math.max(0, length - suffix), length - 1));
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? length - 1 : Math.min(Long.parseLong(b), length - 1);
            if (first >= length) {
                return new Unsatisfiable();
            }
            if (last < first) {
                return new Whole();
            }
            return new Partial(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return new Whole();
        }
    }
}
