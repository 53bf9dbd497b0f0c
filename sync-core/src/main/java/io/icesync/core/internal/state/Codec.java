package io.icesync.core.internal.state;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import io.icesync.core.FolderPath;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;

/** Text forms of model values in the state database. */
final class Codec {
    /** Folder names may hold any character but NUL, so NUL joins them. */
    private static final char SEP = '\u0000';

    private Codec() {
    }

    static String path(FolderPath p) {
        return p.join(SEP);
    }

    static FolderPath path(String s) {
        return s == null ? null : FolderPath.parse(s, SEP);
    }

    /** Flags as their IMAP names separated by spaces: keywords are atoms and never hold a space. */
    static String flags(Flags f) {
        List<String> parts = new ArrayList<>();
        for (Flag x : f.flags()) {
            parts.add(x.imapName());
        }
        parts.addAll(f.keywords());
        return String.join(" ", parts);
    }

    static Flags flags(String s) {
        EnumSet<Flag> sys = EnumSet.noneOf(Flag.class);
        TreeSet<String> kw = new TreeSet<>();
        if (!s.isEmpty()) {
            for (String part : s.split(" ")) {
                Flag f = part.startsWith("\\") ? Flag.ofImapName(part) : null;
                if (f != null) {
                    sys.add(f);
                } else {
                    kw.add(part);
                }
            }
        }
        return Flags.of(sys, kw);
    }
}
