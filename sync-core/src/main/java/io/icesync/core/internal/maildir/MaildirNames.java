package io.icesync.core.internal.maildir;

import io.icesync.core.Flag;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * File and directory names of the Maildir store. Message files follow mbsync's pattern
 * {@code <unique>,U=<uid>:2,<flags>} so that mutt, neomutt and mbsync read the tree.
 */
final class MaildirNames {
    private MaildirNames() {
    }

    /** Folder names on disk: '%', '/', NUL, a leading '.' and the names cur/new/tmp are %-escaped. */
    static String encodeFolder(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean escape = c == '%' || c == '/' || c == '\\' || c == 0 || (i == 0 && c == '.');
            if (escape) {
                b.append(String.format("%%%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        String s = b.toString();
        if (s.equals("cur") || s.equals("new") || s.equals("tmp")) {
            return String.format("%%%02X", (int) s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    static String decodeFolder(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = encoded.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length + 0 && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F') || (b >= 'a' && b <= 'f');
    }

    /** The id of a message file: its name without the {@code ,U=} part and the {@code :2,} info. */
    static String idOf(String fileName) {
        int colon = fileName.indexOf(':');
        String base = colon >= 0 ? fileName.substring(0, colon) : fileName;
        int u = base.indexOf(",U=");
        if (u >= 0) {
            int end = u + 3;
            while (end < base.length() && Character.isDigit(base.charAt(end))) {
                end++;
            }
            base = base.substring(0, u) + base.substring(end);
        }
        return base;
    }

    /** The UID recorded in a file name, or 0. */
    static long uidOf(String fileName) {
        int colon = fileName.indexOf(':');
        String base = colon >= 0 ? fileName.substring(0, colon) : fileName;
        int u = base.indexOf(",U=");
        if (u < 0) {
            return 0;
        }
        int end = u + 3;
        while (end < base.length() && Character.isDigit(base.charAt(end))) {
            end++;
        }
        try {
            return end > u + 3 ? Long.parseLong(base.substring(u + 3, end)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The letters after {@code :2,} (empty for a file without info, as in new/). */
    static String infoOf(String fileName) {
        int i = fileName.indexOf(":2,");
        return i < 0 ? "" : fileName.substring(i + 3);
    }

    static Set<Flag> systemFlags(String info) {
        EnumSet<Flag> s = EnumSet.noneOf(Flag.class);
        for (char c : info.toCharArray()) {
            Flag f = Flag.ofMaildirLetter(c);
            if (f != null) {
                s.add(f);
            }
        }
        return s;
    }

    /** Name for a message: the id, the UID hint where there is one, then the info letters sorted (Maildir requires ASCII order). */
    static String fileName(String id, long uid, String letters) {
        char[] sorted = letters.toCharArray();
        java.util.Arrays.sort(sorted);
        return id + (uid > 0 ? ",U=" + uid : "") + ":2," + new String(sorted);
    }
}
