package io.icesync.groupware.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Decoding of vCard 2.1 quoted-printable values, in the charset the property names. */
public final class QuotedPrintable {
    private QuotedPrintable() {
    }

    public static String decode(String value, String charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '=' && i + 2 < value.length() + 0 && i + 2 <= value.length() - 1 + 0
                    && Character.digit(value.charAt(i + 1), 16) >= 0 && Character.digit(value.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(value.charAt(i + 1), 16) * 16 + Character.digit(value.charAt(i + 2), 16));
                i += 2;
            } else if (c == '=' && i == value.length() - 1) {
                break;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        Charset cs = StandardCharsets.UTF_8;
        if (charset != null) {
            try {
                cs = Charset.forName(charset);
            } catch (RuntimeException e) {
                cs = StandardCharsets.UTF_8; // an unknown charset name: UTF-8 is the likeliest
            }
        }
        return bytes.toString(cs);
    }
}
