package io.icesync.core.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code %XX} escapes the file stores write into directory names (each escape one byte of the
 * name's UTF-8), read back. The stores differ in how strictly they then read the bytes as UTF-8, so
 * this gives the bytes.
 */
public final class PercentEscapes {
    private PercentEscapes() {
    }

    /**
     * The bytes a name stands for: its UTF-8 with each {@code %XX} (two hex digits) as one byte; any other '%' kept.
     *
     * @param name a directory name as a file store wrote it; not null
     * @return the decoded bytes, to be read as UTF-8 as strictly as the caller needs
     */
    public static byte[] decode(String name) {
        byte[] in = name.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
    }
}
