package io.icesync.fleet.internal;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

/**
 * Text forms of flags and times in the fleet's state tables, the same as in the SQLite state file, so
 * both read alike: each decodes to exactly what was encoded.
 */
public final class StateText {
    private StateText() {
    }

    /** System flags as their IMAP names (\Seen \Flagged), space-separated, in a fixed order. */
    public static String systemFlags(Flags f) {
        List<String> names = new ArrayList<>();
        for (Flag x : Flag.values()) {
            if (f.has(x)) {
                names.add(x.imapName());
            }
        }
        return String.join(" ", names);
    }

    /** Keywords space-separated as they are: an IMAP atom never holds a space, and case is kept. */
    public static String keywords(Flags f) {
        return String.join(" ", f.keywords());
    }

    public static Flags flags(String systemFlags, String keywords) {
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

    private static Collection<String> words(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split(" "));
    }

    /** ISO-8601 keeps every digit of an Instant. */
    public static String time(Instant t) {
        return t.toString();
    }

    public static Instant time(String s) {
        return Instant.parse(s);
    }
}
