package io.icesync.groupware.internal;

import java.nio.charset.StandardCharsets;

/** Writes {@link RawComponent}s: untouched properties as they came, new ones folded at 75 octets. */
public final class ContentLineWriter {
    private ContentLineWriter() {
    }

    public static String write(RawComponent component) {
        StringBuilder out = new StringBuilder(4096);
        write(component, out);
        return out.toString();
    }

    public static void write(RawComponent component, StringBuilder out) {
        out.append(component.beginText()).append("\r\n");
        for (RawNode n : component.children()) {
            if (n instanceof RawProperty p) {
                if (p.line() != 0) {
                    out.append(p.text()).append("\r\n");
                } else {
                    fold(p.unfolded(), out);
                }
            } else if (n instanceof RawComponent c) {
                write(c, out);
            }
        }
        out.append(component.endText()).append("\r\n");
    }

    /** Folds at 75 octets of UTF-8 without splitting a character (RFC 5545 3.1). */
    public static void fold(String line, StringBuilder out) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
