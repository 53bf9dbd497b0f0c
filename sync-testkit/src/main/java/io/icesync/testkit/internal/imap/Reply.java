package io.icesync.testkit.internal.imap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** Builds response bytes: text, quoted strings and literals, as RFC 3501 formats them. */
final class Reply {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    Reply text(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Reply sp() {
        out.write(' ');
        return this;
    }

    /** A string as a quoted string when it can be one, else as a literal. */
    Reply string(String s) {
        if (s == null) {
            return text("NIL");
        }
        if (quotable(s)) {
            out.write('"');
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.write('\\');
                }
                out.write(c);
            }
            out.write('"');
            return this;
        }
        return literal(s.getBytes(StandardCharsets.UTF_8));
    }

    Reply literal(byte[] data) {
        text("{" + data.length + "}\r\n");
        out.writeBytes(data);
        return this;
    }

    Reply flags(Collection<String> flags) {
        return text("(" + String.join(" ", flags) + ")");
    }

    Reply crlf() {
        out.write('\r');
        out.write('\n');
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    int size() {
        return out.size();
    }

    static boolean quotable(String s) {
        if (s.length() > 1000) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || c >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
