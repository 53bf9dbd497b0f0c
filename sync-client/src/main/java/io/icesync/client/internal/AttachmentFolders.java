package io.icesync.client.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The folder under {@code attachments/} that holds the files of one item: its subject or summary made
 * safe for any file system, and a short hash of the item so that two items with one subject never
 * share a folder ({@code "Quarterly report [3fa2c1]"}).
 */
public final class AttachmentFolders {
    private static final int MAX_CHARS = 60;

    private AttachmentFolders() {
    }

    public static String of(String scope, String localId, String title) {
        String hash = hash(scope + "\n" + localId);
        String t = safe(title);
        return t.isEmpty() ? "item [" + hash + "]" : t + " [" + hash + "]";
    }

    static String safe(String title) {
        if (title == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        title.codePoints().forEach(c -> b.appendCodePoint(c < 0x20 || c == 0x7f || "<>:\"/\\|?*".indexOf(c) >= 0
                || Character.getType(c) == Character.FORMAT ? '_' : c));
        String s = b.toString().strip().replaceAll("\\s+", " ");
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.length() > MAX_CHARS) {
            s = s.substring(0, Character.isHighSurrogate(s.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS);
        }
        while (s.endsWith(".") || s.endsWith(" ")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
