package io.icesync.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * A set of RFC 4314 rights. The obsolete RFC 2086 letters are read as their RFC 4314 expansion:
 * {@code c} = {@code k x}, {@code d} = {@code t e x} (servers such as IceWarp still send them), except
 * next to letters of that expansion, where RFC 4314 servers send them only as a summary.
 *
 * @param rights the rights held
 */
public record Rights(Set<Right> rights) {
    /** Every right. */
    public static final Rights ALL = new Rights(EnumSet.allOf(Right.class));
    /** No right. */
    public static final Rights NONE = new Rights(EnumSet.noneOf(Right.class));

    /**
     * Makes the set an unmodifiable copy.
     *
     * @param rights the rights held; not null
     */
    public Rights {
        rights = rights.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rights));
    }

    /**
     * Reads rights letters as a server sends them (MYRIGHTS, GETACL).
     *
     * @param letters the letters; letters this model does not know are skipped
     * @return the rights
     */
    public static Rights parse(String letters) {
        EnumSet<Right> set = EnumSet.noneOf(Right.class);
        for (char c : letters.toCharArray()) {
            switch (c) {
                // Next to the RFC 4314 letters they stand for, c and d only sum them up (RFC 4314 2.1.1).
                case 'c' -> {
                    if (!containsAny(letters, "kx")) {
                        set.add(Right.CREATE_MAILBOX);
                        set.add(Right.DELETE_MAILBOX);
                    }
                }
                case 'd' -> {
                    if (!containsAny(letters, "tex")) {
                        set.add(Right.DELETE_MESSAGES);
                        set.add(Right.EXPUNGE);
                        set.add(Right.DELETE_MAILBOX);
                    }
                }
                default -> {
                    Right r = Right.ofLetter(c);
                    if (r != null) {
                        set.add(r);
                    }
                }
            }
        }
        return new Rights(set);
    }

    private static boolean containsAny(String letters, String any) {
        for (char c : any.toCharArray()) {
            if (letters.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a right is held.
     *
     * @param r the right
     * @return true when it is in the set
     */
    public boolean has(Right r) {
        return rights.contains(r);
    }

    /**
     * Whether items can be added, changed and removed (the folder is not read-only for sync).
     *
     * @return true with {@code i}, {@code w} and {@code t}
     */
    public boolean canWriteItems() {
        return has(Right.INSERT) && has(Right.WRITE) && has(Right.DELETE_MESSAGES);
    }

    /**
     * The rights as letters.
     *
     * @return the RFC 4314 letters, in the order of {@link Right}
     */
    public String letters() {

        StringBuilder b = new StringBuilder();
        for (Right r : Right.values()) {
            if (rights.contains(r)) {
                b.append(r.letter());
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return letters();
    }
}
