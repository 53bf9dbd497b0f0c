package io.icesync.examples.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Text from servers and folders made safe for a terminal: control characters (ESC starts colour
 * codes and cursor moves, CR and LF forge lines), C1 controls and the bidirectional overrides that
 * reorder what a line shows are written as visible escapes ({@code \e}, {@code \n}, {@code \u202E}).
 */
final class TerminalText {
    private TerminalText() {
    }

    /** {@code s} with every control character escaped, line ends included: one value on one line. */
    static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String e = escapeOf(c, false);
            if (e != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                b.append(e != null ? e : String.valueOf(c));
            }
        }
        return b == null ? s : b.toString();
    }

    /** The visible form of {@code c}, or null when it prints as itself; {@code lines} lets LF, CR and TAB through. */
    private static String escapeOf(char c, boolean lines) {
        if (lines && (c == '\n' || c == '\t' || c == '\r')) {
            return null;
        }
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case 0x1b:
                return "\\e";
            default:
                break;
        }
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
            return String.format("\\x%02X", (int) c);
        }
        if (c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
            return String.format("\\u%04X", (int) c);
        }
        return null;
    }

    /**
     * A writer for whole command output: line ends, CR (progress lines redraw with it) and tabs pass,
     * every other control character is escaped, whatever printed it. Values are escaped with
     * {@link #escape} too, so that a line end inside a name cannot start or overwrite a line.
     */
    static Writer safe(Writer out) {
        return new FilterWriter(out) {
            @Override
            public void write(int c) throws IOException {
                String e = escapeOf((char) c, true);
                if (e == null) {
                    out.write(c);
                } else {
                    out.write(e);
                }
            }

            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                int start = off;
                for (int i = off; i < off + len; i++) {
                    String e = escapeOf(cbuf[i], true);
                    if (e != null) {
                        out.write(cbuf, start, i - start);
                        out.write(e);
                        start = i + 1;
                    }
                }
                out.write(cbuf, start, off + len - start);
            }

            @Override
            public void write(String str, int off, int len) throws IOException {
                write(str.toCharArray(), off, len);
            }
        };
    }
}
