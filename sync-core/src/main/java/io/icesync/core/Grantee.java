package io.icesync.core;

import java.util.Locale;
import java.util.Objects;

/**
 * Who a folder is shared with (F8.2): a user (an address), a group, or anyone ("Everyone/Anonymous",
 * every domain of the server). On the wire (RFC 4314 identifiers) a group is written {@code $name}, as
 * Dovecot does, and anyone is {@code anyone}.
 *
 * @param kind user, group or anyone
 * @param name the address or group name; {@code anyone} for anyone
 */
public record Grantee(Kind kind, String name) {
    /** The three kinds of grantee. */
    public enum Kind {
        /** One user, by address. */
        USER,
        /** A group of users, by name. */
        GROUP,
        /** Anyone, every domain of the server. */
        ANYONE
    }

    /** Anyone at all. */
    public static final Grantee ANYONE = new Grantee(Kind.ANYONE, "anyone");

    /**
     * Checks the grantee.
     *
     * @param kind user, group or anyone; not null
     * @param name the address or group name; not null, not blank, no control characters
     * @throws IllegalArgumentException when {@code name} is blank or holds control characters
     * @throws NullPointerException     when a component is null
     */
    public Grantee {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("'" + name + "' is not a grantee: empty or with control characters");
        }
    }

    /**
     * A user by address.
     *
     * @param address the user's address; surrounding spaces are removed
     * @return the grantee
     * @throws IllegalArgumentException when the address is blank
     */
    public static Grantee user(String address) {
        return new Grantee(Kind.USER, address.trim());
    }

    /**
     * A group by name.
     *
     * @param name the group's name, without {@code $}; surrounding spaces are removed
     * @return the grantee
     * @throws IllegalArgumentException when the name is blank
     */
    public static Grantee group(String name) {
        return new Grantee(Kind.GROUP, name.trim());
    }

    /**
     * Reads a grantee as a user types it or a server sends it: {@code anyone}, {@code everyone} or
     * {@code anonymous} for anyone; {@code group:NAME} or {@code $NAME} for a group; else a user.
     *
     * @param text the text; not null
     * @return the grantee
     * @throws IllegalArgumentException when the text or the name in it is empty
     */
    public static Grantee parse(String text) {
        String t = Objects.requireNonNull(text, "grantee").trim();
        String l = t.toLowerCase(Locale.ROOT);
        if (l.equals("anyone") || l.equals("everyone") || l.equals("anonymous")) {
            return ANYONE;
        }
        if (l.startsWith("group:")) {
            return group(t.substring(6));
        }
        if (t.startsWith("$")) {
            return group(t.substring(1));
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("an empty grantee: give an address, group:NAME or anyone");
        }
        return user(t);
    }

    /**
     * The RFC 4314 identifier, as sent in a SETACL.
     *
     * @return the address, {@code $group}, or {@code anyone}
     */

    public String identifier() {
        return switch (kind) {
            case USER -> name;
            case GROUP -> "$" + name;
            case ANYONE -> "anyone";
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case USER -> name;
            case GROUP -> "group:" + name;
            case ANYONE -> "anyone";
        };
    }
}
