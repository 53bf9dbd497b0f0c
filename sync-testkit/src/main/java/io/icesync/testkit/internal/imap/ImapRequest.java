package io.icesync.testkit.internal.imap;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One client line as the decoder framed it: text pieces and the literals between them, in order.
 * {@code refusal} is set when the decoder refused the line (too long, literal too big) and the
 * session only has to answer it.
 */
record ImapRequest(List<Object> parts, String refusal) {
    /** The first text piece, for logs and for the tag. */
    String firstLine() {
        return parts.isEmpty() ? "" : (String) parts.get(0);
    }

    /** The tag (first word), or {@code *} when there is none. */
    String tag() {
        String s = firstLine();
        int sp = s.indexOf(' ');
        String t = sp < 0 ? s : s.substring(0, sp);
        return t.isEmpty() ? "*" : t;
    }

    /** The whole line as text, literals shown by size only: what a trace may show. */
    String describe() {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            b.append(p instanceof String s ? s : "<" + ((byte[]) p).length + " bytes>");
        }
        return b.toString();
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
