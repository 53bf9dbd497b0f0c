package io.icesync.core;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A grantee's rights on a folder as RFC 4314 letters, readable in IceWarp's terms ({@link AccessRight},
 * {@link AccessPreset}). The obsolete RFC 2086 letters are read as RFC 4314 says: {@code c} = {@code k x},
 * {@code d} = {@code t e x}. Letters this model does not know (a server's own rights) are kept in
 * {@link #unknown()} and written back with the rest, never dropped.
 *
 * @param known   the RFC 4314 letters, in RFC order, each once
 * @param unknown the other letters, in the order the server sent them, each once
 */
public record AccessRights(String known, String unknown) {
    /** The RFC 4314 letters in the RFC's order. */
    public static final String ORDER = "lrswipkxtea";
    /** No right at all. */
    public static final AccessRights NONE = new AccessRights("", "");

    /**
     * Puts the known letters in RFC order and drops repeated letters; a letter given in the wrong
     * component is left out.
     *
     * @param known   RFC 4314 letters, in any order
     * @param unknown other letters
     */
    public AccessRights {
        known = ordered(known);
        unknown = distinct(unknown);
    }

    /**
     * Reads rights as a server sends them or a user types them: a preset label ({@code read},
     * {@code read-write}, {@code all}, {@code full}) or letters.
     *
     * @param text a preset label or rights letters; surrounding spaces are ignored; empty or null: no rights
     * @return the rights
     * @throws IllegalArgumentException for a text with inner spaces or control characters
     */
    public static AccessRights parse(String text) {
        String t = text == null ? "" : text.trim();
        Optional<AccessPreset> preset = AccessPreset.ofLabel(t);
        if (preset.isPresent()) {
            return of(preset.get());
        }
        return letters(t);
    }

    /**
     * Reads RFC 4314 (and RFC 2086) letters; anything else printable is kept as an unknown right.
     *
     * @param letters the letters
     * @return the rights
     * @throws IllegalArgumentException for a space, a control character or one of {@code ( ) " \ + -}
     */
    public static AccessRights letters(String letters) {
        StringBuilder k = new StringBuilder();
        StringBuilder u = new StringBuilder();
        for (char c : letters.toCharArray()) {
            if (c <= ' ' || c >= 0x7f || c == '(' || c == ')' || c == '"' || c == '\\' || c == '+' || c == '-') {
                throw new IllegalArgumentException("'" + letters + "' is neither a preset (read, read-write, all,"
                        + " full) nor RFC 4314 letters: '" + c + "' cannot be a right");
            }
            switch (c) {
                // RFC 4314 2.1.1: next to the new letters they only sum them up; alone (RFC 2086) they grant them.
                case 'c' -> k.append(hasAny(letters, "kx") ? "" : "kx");
                case 'd' -> k.append(hasAny(letters, "tex") ? "" : "tex");
                default -> (ORDER.indexOf(c) >= 0 ? k : u).append(c);
            }
        }
        return new AccessRights(k.toString(), u.toString());
    }

    /**
     * Reads letters as a server sent them, never failing: characters that cannot be rights (spaces,
     * quotes, controls) are left out, so one odd entry never stops a listing.
     *
     * @param letters the letters, or null for none
     * @return the rights
     */
    public static AccessRights fromServer(String letters) {
        StringBuilder ok = new StringBuilder();
        for (char c : (letters == null ? "" : letters).toCharArray()) {
            if (c > ' ' && c < 0x7f && "()\"\\+-".indexOf(c) < 0) {
                ok.append(c);
            }
        }
        return letters(ok.toString());
    }

    /**
     * The letters of a preset.
     *
     * @param preset the preset
     * @return its rights, with no unknown letters
     */
    public static AccessRights of(AccessPreset preset) {
        return new AccessRights(preset.letters(), "");
    }

    /**
     * The letters of some rights in IceWarp's terms.
     *
     * @param rights the rights to grant together
     * @return the union of their letters
     */
    public static AccessRights of(Collection<AccessRight> rights) {
        StringBuilder b = new StringBuilder();
        rights.forEach(r -> b.append(r.letters()));
        return new AccessRights(b.toString(), "");
    }

    /**
     * The rights held in IceWarp's terms: each whose key letter is here ({@code r}, {@code i}, {@code t},
     * {@code w}, {@code a}).
     *
     * @return the rights, a new set each call
     */
    public Set<AccessRight> rights() {
        EnumSet<AccessRight> out = EnumSet.noneOf(AccessRight.class);
        for (AccessRight r : AccessRight.values()) {
            if (known.indexOf(r.key()) >= 0) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The preset these letters are exactly (unknown letters aside), if any.
     *
     * @return the preset, or empty when the letters match none
     */
    public Optional<AccessPreset> preset() {
        for (AccessPreset p : AccessPreset.values()) {
            if (p.letters().equals(known)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether one letter of RFC 4314 is here.
     *
     * @param right the right
     * @return true when its letter is granted
     */
    public boolean has(Right right) {
        return known.indexOf(right.letter()) >= 0;
    }

    /**
     * Whether nothing at all is granted.
     *
     * @return true when there are neither known nor unknown letters
     */
    public boolean isEmpty() {
        return known.isEmpty() && unknown.isEmpty();
    }

    /**
     * These known letters with the unknown letters of {@code before}: a change that keeps what it cannot read.
     *
     * @param before the rights as the server had them
     * @return the merged rights
     */
    public AccessRights keepingUnknownOf(AccessRights before) {
        return new AccessRights(known, unknown + before.unknown);
    }

    /**
     * The letters to send in a SETACL.
     *
     * @return the known letters in RFC order, then the unknown ones
     */
    public String wire() {
        return known + unknown;
    }

    /**
     * The rights the sync engine decides with.
     *
     * @return the known letters as {@link Rights}
     */
    public Rights toRights() {
        return Rights.parse(known);
    }

    /**
     * A short text for a person.
     *
     * @return the preset's label when there is one, else the letters, or {@code none}; e.g.
     *         {@code read-write} or {@code lrsi}
     */

    public String label() {
        return preset().map(AccessPreset::label).orElse(wire().isEmpty() ? "none" : wire());
    }

    @Override
    public String toString() {
        return wire();
    }

    private static boolean hasAny(String letters, String any) {
        for (char c : any.toCharArray()) {
            if (letters.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String ordered(String letters) {
        StringBuilder b = new StringBuilder();
        for (char c : ORDER.toCharArray()) {
            if (letters.indexOf(c) >= 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String distinct(String letters) {
        StringBuilder b = new StringBuilder();
        for (char c : letters.toCharArray()) {
            if (b.indexOf(String.valueOf(c)) < 0 && ORDER.indexOf(c) < 0) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
