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
    public enum Kind { USER, GROUP, ANYONE }

    /** Anyone at all. */
    public static final Grantee ANYONE = new Grantee(Kind.ANYONE, "anyone");

    public Grantee {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("'" + name + "' is not a grantee: empty or with control characters");
        }
    }

    /** A user by address. */
    public static Grantee user(String address) {
        return new Grantee(Kind.USER, address.trim());
    }

    /** A group by name. */
    public static Grantee group(String name) {
        return new Grantee(Kind.GROUP, name.trim());
    }

    /**
     * Reads a grantee as a user types it or a server sends it: {@code anyone}, {@code everyone} or
     * {@code anonymous} for anyone; {@code group:NAME} or {@code $NAME} for a group; else a user.
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

    /** The RFC 4314 identifier: the address, {@code $group}, or {@code anyone}. */
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
