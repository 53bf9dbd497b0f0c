package io.icesync.webdav.dav.internal;

import java.nio.charset.StandardCharsets;

/**
 * Puts back the CRLF line ends of an iCalendar or vCard object that travelled as XML text: any XML
 * parser turns CRLF (and a lone CR) into LF (XML 1.0, 2.11), and iCalendar (RFC 5545 3.1) and vCard
 * (RFC 6350 3.2) require CRLF after every line, the last one included.
 */
public final class LineEnds {
    private LineEnds() {
    }

    /** The object as UTF-8 bytes with every line ended by CRLF, or an empty array for empty text. */
    public static byte[] crlf(String text) {
        StringBuilder b = new StringBuilder(text.length() + text.length() / 32 + 2);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                // Kept when the server escaped it as &#13;: one line end either way.
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                b.append("\r\n");
            } else if (c == '\n') {
                b.append("\r\n");
            } else {
                b.append(c);
            }
        }
        int len = b.length();
        if (len > 0 && !(len >= 2 && b.charAt(len - 2) == '\r' && b.charAt(len - 1) == '\n')) {
            b.append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
