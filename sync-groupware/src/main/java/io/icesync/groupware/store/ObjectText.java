package io.icesync.groupware.store;

import io.icesync.core.IceSyncException;
import io.icesync.groupware.ParseWarning;
import io.icesync.groupware.internal.ContentKey;
import io.icesync.groupware.internal.ContentLineReader;
import io.icesync.groupware.internal.RawComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the stores need of an iCalendar or vCard file without mapping it: the object's UID, a
 * property of its main component, and its version, the content key that ignores what a server's
 * re-serialisation changes (PITFALL 11), so a reordered copy never counts as an edit. A file that
 * cannot be read as content lines has no UID and the hash of its bytes as version.
 */
final class ObjectText {
    private final RawComponent main;
    private final String version;
    private final String problem;

    private ObjectText(RawComponent main, String version, String problem) {
        this.main = main;
        this.version = version;
        this.problem = problem;
    }

    static ObjectText of(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        try {
            RawComponent root = ContentLineReader.read(text, "object", 2, new ArrayList<ParseWarning>());
            RawComponent main = main(root);
            return new ObjectText(main, ContentKey.of(root), main == null ? "no VEVENT, VTODO, VJOURNAL or VCARD in it" : null);
        } catch (IceSyncException | IllegalArgumentException e) {
            return new ObjectText(null, sha256(content), e.getMessage());
        }
    }

    /** The VCARD, or the VCALENDAR's first component that is not a VTIMEZONE. */
    private static RawComponent main(RawComponent root) {
        for (RawComponent top : root.components()) {
            if (top.name().equalsIgnoreCase("VCARD")) {
                return top;
            }
            for (RawComponent c : top.components()) {
                if (!c.name().equalsIgnoreCase("VTIMEZONE")) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Why the text is not a readable object, or null when it is one. */
    String problem() {
        return problem;
    }

    /** The object's UID, or null. */
    String uid() {
        String v = first("UID");
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The raw value of a property of the main component, or null. */
    String first(String property) {
        return main == null ? null : main.value(property);
    }

    String version() {
        return version;
    }

    /** The main component's name (VEVENT, VTODO, VJOURNAL, VCARD), or null. */
    String kind() {
        return main == null ? null : main.name().toUpperCase(java.util.Locale.ROOT);
    }

    /** The categories of the main component, in the order written (every CATEGORIES line). */
    List<String> categories() {
        List<String> out = new ArrayList<>();
        if (main != null) {
            for (io.icesync.groupware.internal.RawProperty p : main.properties("CATEGORIES")) {
                for (String v : io.icesync.groupware.internal.TextValues.splitList(p.value())) {
                    if (!out.contains(v)) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values to try, in order, for the time an object last changed. */
    static List<String> stampProperties() {
        return List.of("LAST-MODIFIED", "REV", "DTSTAMP", "CREATED");
    }
}
