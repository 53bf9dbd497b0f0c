package io.icesync.core;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The flags and keywords of an item: immutable. Keywords are IMAP keywords and carry tags
 * (categories, F5.1) and {@code $Completed} (F5.2); they compare case-sensitively as stored.
 *
 * @param flags    the system flags set
 * @param keywords the keywords set, sorted
 */
public record Flags(Set<Flag> flags, SortedSet<String> keywords) {
    /** The keyword that marks a follow-up as completed (F5.2). */
    public static final String COMPLETED = "$Completed";
    /** No flag and no keyword. */
    public static final Flags NONE = new Flags(Set.of(), new TreeSet<>());

    /**
     * Checks the keywords and makes both sets unmodifiable copies.
     *
     * @param flags    the system flags set
     * @param keywords the keywords set
     * @throws IllegalArgumentException when a keyword cannot be an IMAP keyword ({@link #checkKeyword})
     */
    public Flags {
        flags = Shared.flagSet(flags);
        for (String k : keywords) {
            checkKeyword(k);
        }
        // A state store holds one Flags per item: the common sets are shared, not copied per item.
        keywords = keywords.isEmpty() ? Shared.NO_KEYWORDS : java.util.Collections.unmodifiableSortedSet(
                new TreeSet<>(keywords));
    }

    /** The 32 possible sets of system flags, made once. */
    private static final class Shared {
        static final SortedSet<String> NO_KEYWORDS = java.util.Collections.emptySortedSet();
        private static final Flag[] ALL = Flag.values();
        @SuppressWarnings("unchecked")
        private static final Set<Flag>[] SETS = new Set[1 << ALL.length];

        static {
            for (int bits = 0; bits < SETS.length; bits++) {
                EnumSet<Flag> s = EnumSet.noneOf(Flag.class);
                for (Flag f : ALL) {
                    if ((bits & (1 << f.ordinal())) != 0) {
                        s.add(f);
                    }
                }
                SETS[bits] = Set.copyOf(s);
            }
        }

        static Set<Flag> flagSet(Set<Flag> flags) {
            int bits = 0;
            for (Flag f : flags) {
                bits |= 1 << f.ordinal();
            }
            return SETS[bits];
        }
    }

    /**
     * System flags without keywords.
     *
     * @param flags the flags to set; none gives a value equal to {@link #NONE}

     * @return the flags
     */
    public static Flags of(Flag... flags) {
        return new Flags(flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags), new TreeSet<>());
    }

    /**
     * System flags and keywords.
     *
     * @param flags    the flags set
     * @param keywords the keywords set; duplicates count once
     * @return the flags
     * @throws IllegalArgumentException when a keyword cannot be an IMAP keyword
     */
    public static Flags of(Collection<Flag> flags, Collection<String> keywords) {
        return new Flags(flags.isEmpty() ? Set.of() : EnumSet.copyOf(flags), new TreeSet<>(keywords));
    }

    /**
     * Rejects names that cannot be an IMAP keyword (atom characters only, no backslash).
     *
     * @param k the keyword to check
     * @throws IllegalArgumentException when {@code k} is null, empty, or holds a space, a control, a
     *         non-ASCII character or one of <code>( ) { % * " \ ]</code>
     */
    public static void checkKeyword(String k) {
        if (k == null || k.isEmpty()) {
            throw new IllegalArgumentException("empty keyword");
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
                throw new IllegalArgumentException("not a valid IMAP keyword: '" + k + "'");
            }
        }
    }

    /**
     * Whether a system flag is set.
     *
     * @param f the flag
     * @return true when it is set
     */
    public boolean has(Flag f) {
        return flags.contains(f);
    }

    /**
     * Whether a keyword is set; the comparison is case-sensitive.
     *
     * @param k the keyword
     * @return true when it is set
     */
    public boolean hasKeyword(String k) {
        return keywords.contains(k);
    }

    /**
     * These flags with one more system flag.
     *
     * @param f the flag to set
     * @return a new value; this one does not change
     */
    public Flags with(Flag f) {
        EnumSet<Flag> s = copy();
        s.add(f);
        return new Flags(s, keywords);
    }

    /**
     * These flags without a system flag.
     *
     * @param f the flag to clear
     * @return a new value; this one does not change
     */
    public Flags without(Flag f) {
        EnumSet<Flag> s = copy();
        s.remove(f);
        return new Flags(s, keywords);
    }

    /**
     * These flags with one more keyword.
     *
     * @param k the keyword to set
     * @return a new value; this one does not change
     * @throws IllegalArgumentException when {@code k} cannot be an IMAP keyword
     */
    public Flags withKeyword(String k) {
        TreeSet<String> s = new TreeSet<>(keywords);
        s.add(k);
        return new Flags(flags, s);
    }

    /**
     * These flags without a keyword.
     *
     * @param k the keyword to clear
     * @return a new value; this one does not change
     */
    public Flags withoutKeyword(String k) {
        TreeSet<String> s = new TreeSet<>(keywords);
        s.remove(k);
        return new Flags(flags, s);
    }

    /**
     * Three-way merge per flag and per keyword: what either side added or removed since
     * {@code base} is applied. Two sides never disagree on one flag, since each flag is on or off.
     *
     * @param base the flags both sides had when last synced
     * @param a    one side's flags now
     * @param b    the other side's flags now
     * @return the merged flags, for both sides
     */

    public static Flags merge(Flags base, Flags a, Flags b) {
        EnumSet<Flag> f = EnumSet.noneOf(Flag.class);
        for (Flag x : Flag.values()) {
            boolean inBase = base.has(x);
            boolean changedA = a.has(x) != inBase;
            boolean changedB = b.has(x) != inBase;
            if (changedA || changedB ? !inBase : inBase) {
                f.add(x);
            }
        }
        TreeSet<String> all = new TreeSet<>(base.keywords);
        all.addAll(a.keywords);
        all.addAll(b.keywords);
        TreeSet<String> k = new TreeSet<>();
        for (String x : all) {
            boolean inBase = base.hasKeyword(x);
            boolean changedA = a.hasKeyword(x) != inBase;
            boolean changedB = b.hasKeyword(x) != inBase;
            if (changedA || changedB ? !inBase : inBase) {
                k.add(x);
            }
        }
        return new Flags(f, k);
    }

    private EnumSet<Flag> copy() {
        return flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("(");
        for (Flag f : Flag.values()) {
            if (flags.contains(f)) {
                b.append(b.length() > 1 ? " " : "").append(f.imapName());
            }
        }
        for (String k : keywords) {
            b.append(b.length() > 1 ? " " : "").append(k);
        }
        return b.append(')').toString();
    }
}
