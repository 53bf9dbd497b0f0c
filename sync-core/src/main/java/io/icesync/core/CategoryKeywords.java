package io.icesync.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Categories (tags, F5.1) as IMAP keywords, names only. A name that is a valid keyword is its own
 * keyword ({@code Work}); any other character goes in an IMAP modified UTF-7 shift, as mailbox names
 * do (RFC 3501 5.1.3): {@code Red Category} is {@code Red&ACA-Category}. So every name has a keyword any
 * IMAP server accepts, and the keyword gives the name back.
 *
 * <p>Keywords that start with {@code $} ({@code $Forwarded}, {@code $MDNSent}, {@code $Completed},
 * RFC 5788) and the older system keywords such as {@code Junk} and {@code NonJunk} are never
 * categories; a category of that name is written with its first letter shifted.
 */
public final class CategoryKeywords {
    /** Keywords clients use for state, not tags (compared ignoring case). */
    private static final Set<String> SYSTEM = Set.of("junk", "nonjunk", "notjunk", "forwarded", "redirected",
            "mdnsent", "seen", "answered", "flagged", "deleted", "draft", "recent");

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private CategoryKeywords() {
    }

    /**
     * The keyword of a category name; a blank name has none.
     *
     * @param name the category name, as the user wrote it
     * @return a keyword every IMAP server accepts, from which {@link #name(String)} gives {@code name} back
     * @throws IllegalArgumentException when {@code name} is null or blank
     */
    public static String keyword(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a category needs a name");
        }
        StringBuilder out = new StringBuilder();
        StringBuilder shift = new StringBuilder();
        boolean system = name.startsWith("$") || SYSTEM.contains(name.toLowerCase(Locale.ROOT));
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '&') {
                flush(shift, out);
                out.append("&-");
            } else if (direct(c) && !(i == 0 && system)) {
                flush(shift, out);
                out.append(c);
            } else {
                shift.append(c);
            }
        }
        flush(shift, out);
        return out.toString();
    }

    /**
     * The category a keyword carries.
     *
     * @param keyword an IMAP keyword, or null
     * @return the category name (the keyword itself when it is not valid modified UTF-7), or empty for
     *         a state keyword ({@code $Forwarded}, {@code Junk}...), a null or an empty one
     */
    public static Optional<String> name(String keyword) {
        if (keyword == null || keyword.isEmpty() || keyword.startsWith("$") || keyword.startsWith("\\")
                || SYSTEM.contains(keyword.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String decoded = decode(keyword);
        return Optional.of(decoded == null ? keyword : decoded);
    }

    /**
     * The category names among an item's keywords, sorted.
     *
     * @param flags the item's flags
     * @return the names, a new set; empty when the item has no category
     */
    public static SortedSet<String> names(Flags flags) {
        SortedSet<String> out = new TreeSet<>();
        for (String k : flags.keywords()) {
            name(k).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The same flags with exactly these categories (state keywords kept).
     *
     * @param flags the item's flags now
     * @param names the category names the item should have; null and blank names are skipped
     * @return the new flags; {@code flags} does not change
     */
    public static Flags withNames(Flags flags, Collection<String> names) {
        TreeSet<String> kw = new TreeSet<>();
        for (String k : flags.keywords()) {
            if (name(k).isEmpty()) {
                kw.add(k);
            }
        }
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                kw.add(keyword(n));
            }
        }
        return new Flags(flags.flags(), kw);
    }

    /**
     * Whether the keyword carries a category rather than a state.
     *
     * @param keyword an IMAP keyword, or null
     * @return true when {@link #name(String)} finds a category in it
     */

    public static boolean isCategory(String keyword) {
        return name(keyword).isPresent();
    }

    /** Printable ASCII that an IMAP atom allows, less the shift character. */
    private static boolean direct(char c) {
        return c > 0x20 && c < 0x7f && "(){%*\"\\]&".indexOf(c) < 0;
    }

    private static void flush(StringBuilder shift, StringBuilder out) {
        if (shift.length() == 0) {
            return;
        }
        byte[] utf16 = shift.toString().getBytes(StandardCharsets.UTF_16BE);
        out.append('&').append(B64.encodeToString(utf16).replace('/', ',')).append('-');
        shift.setLength(0);
    }

    /** Modified UTF-7 back to text, or null when the keyword is not valid modified UTF-7 (then it is taken as it is). */
    private static String decode(String k) {
        if (k.indexOf('&') < 0) {
            return k;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < k.length()) {
            char c = k.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = k.indexOf('-', i + 1);
            if (end < 0) {
                return null;
            }
            if (end == i + 1) {
                out.append('&');
            } else {
                String b64 = k.substring(i + 1, end).replace(',', '/');
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(b64);
                } catch (IllegalArgumentException e) {
                    return null;
                }
                if (bytes.length % 2 != 0) {
                    return null;
                }
                try {
                    out.append(StandardCharsets.UTF_16BE.newDecoder().decode(ByteBuffer.wrap(bytes)));
                } catch (java.nio.charset.CharacterCodingException e) {
                    return null;
                }
            }
            i = end + 1;
        }
        return out.toString();
    }
}
