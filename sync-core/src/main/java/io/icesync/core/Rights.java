package io.icesync.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * A set of RFC 4314 rights. The obsolete RFC 2086 letters are read as their RFC 4314 expansion:
 * {@code c} = {@code k x}, {@code d} = {@code t e x} (servers such as IceWarp still send them).
 */
public record Rights(Set<Right> rights) {
    public static final Rights ALL = new Rights(EnumSet.allOf(Right.class));
    public static final Rights NONE = new Rights(EnumSet.noneOf(Right.class));

    public Rights {
        rights = rights.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rights));
    }

    public static Rights parse(String letters) {
        EnumSet<Right> set = EnumSet.noneOf(Right.class);
        for (char c : letters.toCharArray()) {
            switch (c) {
                case 'c' -> { set.add(Right.CREATE_MAILBOX); set.add(Right.DELETE_MAILBOX); }
                case 'd' -> { set.add(Right.DELETE_MESSAGES); set.add(Right.EXPUNGE); set.add(Right.DELETE_MAILBOX); }
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

    public boolean has(Right r) {
        return rights.contains(r);
    }

    /** True when items can be added, changed and removed (the folder is not read-only for sync). */
    public boolean canWriteItems() {
        return has(Right.INSERT) && has(Right.WRITE) && has(Right.DELETE_MESSAGES);
    }

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
