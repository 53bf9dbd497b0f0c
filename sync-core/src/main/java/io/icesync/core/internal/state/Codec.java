package io.icesync.core.internal.state;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;

/** Text forms of model values in the state database; each decodes to exactly what was encoded. */
final class Codec {
    /** IMAP and file-system folder names never hold NUL, so NUL joins them unambiguously. */
    private static final char SEP = '\u0000';

    private Codec() {
    }

    static String path(FolderPath p) {
        for (String name : p.names()) {
            if (name.indexOf(SEP) >= 0) {
                // Joined, it would read back as two folders: refuse rather than store a different path.
                throw new IllegalArgumentException("a folder name with a NUL character cannot be stored: " + p);
            }
        }
        return p.join(SEP);
    }

    static FolderPath path(String s) {
        return s == null ? null : FolderPath.parse(s, SEP);
    }

    /** An access list as {@code id NUL rights} entries joined by SOH (neither is in an IMAP identifier); null stays null. */
    static String acl(java.util.Map<String, String> acl) {
        if (acl == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        acl.forEach((id, rights) -> {
            if (id.indexOf(SEP) >= 0 || id.indexOf('\u0001') >= 0) {
                throw new IllegalArgumentException("an access-list identifier with a control character cannot be stored");
            }
            b.append(b.length() == 0 ? "" : "\u0001").append(id).append(SEP).append(rights);
        });
        return b.toString();
    }

    static java.util.Map<String, String> acl(String s) {
        if (s == null) {
            return null;
        }
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (!s.isEmpty()) {
            for (String e : s.split("\u0001")) {
                int i = e.indexOf(SEP);
                out.put(e.substring(0, i), e.substring(i + 1));
            }
        }
        return out;
    }

    /** System flags as their IMAP names (\Seen \Flagged), space-separated, in a fixed order. */
    static String systemFlags(Flags f) {
        List<String> names = new ArrayList<>();
        for (Flag x : Flag.values()) {
            if (f.has(x)) {
                names.add(x.imapName());
            }
        }
        return String.join(" ", names);
    }

    /** Keywords space-separated as they are: an IMAP atom never holds a space, and case is kept. */
    static String keywords(Flags f) {
        return String.join(" ", f.keywords());
    }

    static Flags flags(String systemFlags, String keywords) {
        EnumSet<Flag> sys = EnumSet.noneOf(Flag.class);
        for (String name : words(systemFlags)) {
            Flag x = Flag.ofImapName(name);
            if (x == null) {
                throw new IllegalArgumentException("unknown system flag '" + name + "'");
            }
            sys.add(x);
        }
        return Flags.of(sys, words(keywords));
    }

    /** The single-column form of schema 1: system flags and keywords mixed, told apart by the backslash. */
    static Flags legacyFlags(String mixed) {
        EnumSet<Flag> sys = EnumSet.noneOf(Flag.class);
        TreeSet<String> kw = new TreeSet<>();
        for (String part : words(mixed)) {
            Flag x = part.startsWith("\\") ? Flag.ofImapName(part) : null;
            if (x != null) {
                sys.add(x);
            } else {
                kw.add(part);
            }
        }
        return Flags.of(sys, kw);
    }

    private static Collection<String> words(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split(" "));
    }

    /** ISO-8601 keeps every digit of an Instant (a number of milliseconds would drop the rest). */
    static String time(Instant t) {
        return t.toString();
    }

    static Instant time(String s) {
        return Instant.parse(s);
    }
}
