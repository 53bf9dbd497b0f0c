package io.icesync.webdav.dav.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** The UID line of an iCalendar or vCard object, and resource names made from it. */
public final class ObjectUids {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9@._-]{1,100}");

    private ObjectUids() {
    }

    /**
     * The value of the first UID property (unfolded, parameters skipped), or null. In an iCalendar
     * object every component carries the same UID, so the first one names the object.
     */
    public static String uidOf(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).replace("\r\n ", "").replace("\r\n\t", "")
                .replace("\n ", "").replace("\n\t", "");
        for (String line : text.split("\r?\n")) {
            if (line.length() > 3 && line.substring(0, 3).toUpperCase(Locale.ROOT).equals("UID")
                    && (line.charAt(3) == ':' || line.charAt(3) == ';')) {
                int colon = line.indexOf(':');
                String v = colon < 0 ? "" : line.substring(colon + 1).trim();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    /**
     * A resource name for an object UID, safe in any URL and file system: the UID itself when it is
     * made of plain characters, else a hash of it (a UID may hold '/', spaces or be very long).
     */
    public static String fileName(String uid) {
        if (uid != null && SAFE.matcher(uid).matches() && !uid.startsWith(".")) {
            return uid;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(String.valueOf(uid).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A collection name made from a folder name: lower case letters, digits and '-'. */
    public static String slug(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
                b.append('-');
            }
        }
        String s = b.length() > 40 ? b.substring(0, 40) : b.toString();
        while (s.endsWith("-")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.isEmpty() ? "collection" : s;
    }

    /** An ETag compared as the value it stands for: a weak prefix does not make it another version. */
    public static String etag(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.trim();
        return t.startsWith("W/") ? t.substring(2) : t;
    }
}
