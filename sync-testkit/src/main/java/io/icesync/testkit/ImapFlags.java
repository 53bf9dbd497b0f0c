package io.icesync.testkit;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** IMAP flags are case-insensitive: {@code \SEEN} and {@code \Seen} are one flag, kept in its usual spelling. */
public final class ImapFlags {
    static final List<String> SYSTEM = List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft");

    private ImapFlags() {
    }

    static Set<String> copy(Collection<String> flags) {
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String f : flags) {
            out.add(canonical(f));
        }
        return out;
    }

    static String canonical(String flag) {
        if (flag.startsWith("\\")) {
            for (String s : SYSTEM) {
                if (s.equalsIgnoreCase(flag)) {
                    return s;
                }
            }
        }
        return flag;
    }

    /**
     * Checks a flag: a keyword must be an IMAP atom: no spaces, parentheses, wildcards, quotes or backslash
     * (but a system flag).
     *
     * @param flag a system flag such as {@code \Seen} (in any case) or a keyword
     * @throws IllegalArgumentException when it is an unknown system flag, empty, or has a character IMAP does
     *                                  not allow
     */
    public static void check(String flag) {
        check(flag, false);
    }

    /**
     * As {@link #check(String)}; with {@code percentAllowed} a keyword may hold '%', as IceWarp's
     * URL-quoted categories do ({@code Red%20Category}).
     *
     * @param flag           a system flag such as {@code \Seen} (in any case) or a keyword
     * @param percentAllowed whether a keyword may hold '%'
     * @throws IllegalArgumentException when it is an unknown system flag, empty, or has a character IMAP does
     *                                  not allow
     */
    public static void check(String flag, boolean percentAllowed) {
        if (flag.startsWith("\\")) {
            if (!SYSTEM.contains(canonical(flag))) {
                throw new IllegalArgumentException("'" + flag + "' is not an IMAP system flag");
            }
            return;
        }
        if (flag.isEmpty()) {
            throw new IllegalArgumentException("an empty keyword");
        }
        for (char c : flag.toCharArray()) {
            if (c <= ' ' || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0 && !(c == '%' && percentAllowed)) {
                throw new IllegalArgumentException("the keyword '" + flag + "' has a character IMAP does not allow: '"
                        + c + "'");
            }
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
