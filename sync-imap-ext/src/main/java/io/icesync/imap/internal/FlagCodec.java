package io.icesync.imap.internal;

import io.icesync.core.Flag;
import io.icesync.core.Flags;
import java.util.EnumSet;
import java.util.TreeSet;

/** Between IceSync's {@link Flags} and Jakarta Mail's and IMAP's spelling. */
final class FlagCodec {
    private FlagCodec() {
    }

    static Flags of(jakarta.mail.Flags f) {
        EnumSet<Flag> sys = EnumSet.noneOf(Flag.class);
        if (f.contains(jakarta.mail.Flags.Flag.SEEN)) {
            sys.add(Flag.SEEN);
        }
        if (f.contains(jakarta.mail.Flags.Flag.ANSWERED)) {
            sys.add(Flag.ANSWERED);
        }
        if (f.contains(jakarta.mail.Flags.Flag.FLAGGED)) {
            sys.add(Flag.FLAGGED);
        }
        if (f.contains(jakarta.mail.Flags.Flag.DELETED)) {
            sys.add(Flag.DELETED);
        }
        if (f.contains(jakarta.mail.Flags.Flag.DRAFT)) {
            sys.add(Flag.DRAFT);
        }
        TreeSet<String> kw = new TreeSet<>();
        for (String u : f.getUserFlags()) {
            try {
                Flags.checkKeyword(u);
                kw.add(u);
            } catch (IllegalArgumentException e) {
                // a keyword IMAP could not carry either; the server sent something odd: skip it
            }
        }
        return Flags.of(sys, kw);
    }

    static jakarta.mail.Flags to(Flags f) {
        jakarta.mail.Flags out = new jakarta.mail.Flags();
        for (Flag x : f.flags()) {
            out.add(switch (x) {
                case SEEN -> jakarta.mail.Flags.Flag.SEEN;
                case ANSWERED -> jakarta.mail.Flags.Flag.ANSWERED;
                case FLAGGED -> jakarta.mail.Flags.Flag.FLAGGED;
                case DELETED -> jakarta.mail.Flags.Flag.DELETED;
                case DRAFT -> jakarta.mail.Flags.Flag.DRAFT;
            });
        }
        f.keywords().forEach(out::add);
        return out;
    }

    /** "(\Seen \Flagged kw)" for STORE. */
    static String list(Flags f) {
        return f.toString();
    }
}
