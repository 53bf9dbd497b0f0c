package io.icesync.core.internal.maildir;

import java.util.Arrays;

/**
 * Message file names. IceSync writes mbsync's form {@code <unique>,U=<uid>:2,<letters>} (see
 * {@link UniqueNames}) and reads any Maildir name. The id of a message is its name without the
 * {@code ,U=<uid>} part and without the {@code :2,} info, so that it survives flag changes, moves
 * and mbsync adding or dropping a UID.
 */
final class MessageNames {
    static final String INFO = ":2,";

    private MessageNames() {
    }

    private static String base(String fileName) {
        int colon = fileName.indexOf(':');
        return colon >= 0 ? fileName.substring(0, colon) : fileName;
    }

    /** Start and end of the {@code ,U=<digits>} part of a base name, or null. */
    private static int[] uidPart(String base) {
        int u = base.indexOf(",U=");
        if (u < 0) {
            return null;
        }
        int end = u + 3;
        while (end < base.length() && base.charAt(end) >= '0' && base.charAt(end) <= '9') {
            end++;
        }
        return end > u + 3 ? new int[] {u, end} : null;
    }

    static String idOf(String fileName) {
        String base = base(fileName);
        int[] u = uidPart(base);
        return u == null ? base : base.substring(0, u[0]) + base.substring(u[1]);
    }

    /** The UID recorded in a file name, or 0. */
    static long uidOf(String fileName) {
        String base = base(fileName);
        int[] u = uidPart(base);
        if (u == null) {
            return 0;
        }
        try {
            return Long.parseLong(base.substring(u[0] + 3, u[1]));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The letters after {@code :2,}; empty for a name without info (as in new/). */
    static String infoOf(String fileName) {
        int i = fileName.indexOf(INFO);
        return i < 0 ? "" : fileName.substring(i + INFO.length());
    }

    /** A name for a message: the id, the UID where there is one, the letters sorted (Maildir wants ASCII order) once each. */
    static String fileName(String id, long uid, String letters) {
        char[] sorted = letters.toCharArray();
        Arrays.sort(sorted);
        StringBuilder b = new StringBuilder(id.length() + 16 + sorted.length).append(id);
        if (uid > 0) {
            b.append(",U=").append(uid);
        }
        b.append(INFO);
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                b.append(sorted[i]);
            }
        }
        return b.toString();
    }
}
