package io.icesync.core.internal.maildir;

import io.icesync.core.store.PercentEscapes;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Folder names as directory names. A folder is its server's exact name: two names that differ only
 * by Unicode normalisation ({@code Café} with a precomposed {@code é} and with {@code e} + U+0301) are
 * two folders with two directories. A name is written as it is (UTF-8) except for what a file
 * system or a Maildir reader would take for something else; those characters become {@code %XX},
 * one per byte of their UTF-8 form:
 * <ul>
 * <li>{@code %} itself, {@code /}, {@code \}, NUL and the other control characters;</li>
 * <li>a leading {@code .} (so {@code .hidden} is {@code %2Ehidden}: dot-directories are never folders);</li>
 * <li>the first letter of {@code cur}, {@code new}, {@code tmp} and {@code dovecot-keywords}, in any case
 * ({@code cur} is {@code %63ur}), so a folder never collides with the Maildir next to it, also on
 * case-insensitive file systems;</li>
 * <li>on Windows, {@code < > : " | ? *};</li>
 * <li>characters the JVM cannot put in a file name (a JVM started in the C locale has an ASCII
 * {@code sun.jnu.encoding}): {@code Été} is then {@code %C3%89t%C3%A9};</li>
 * <li>in a name that is not in NFC, its combining marks and the characters NFC would change
 * ({@code Cafe} + U+0301 is {@code Cafe%CC%81}), so that a file system that normalises names (macOS)
 * cannot merge it with its NFC twin; when that is not enough to read the name back exactly, every
 * non-ASCII character.</li>
 * </ul>
 * Decoding puts the directory name in NFC first (macOS hands back NFC names decomposed), then undoes
 * the escapes; a directory name that is not a well-formed escape (made by another program) is taken
 * as it is, in NFC. So {@code decode(encode(name))} is {@code name} for every name.
 *
 * <p>A name whose directory name would pass {@value #MAX_BYTES} bytes of UTF-8 (file systems stop
 * at 255) is cut at a character boundary and ends in {@code %~} and 12 hex digits of the SHA-256 of
 * the full name: no other directory name has {@code %~} ({@code %} is always escaped). Such a
 * directory cannot be read back alone; the store keeps the full name in the folder's identity file.
 */
final class FolderNames {
    /** The longest directory name written, in bytes: well under 255, with room for the store's prefixes. */
    static final int MAX_BYTES = 200;
    static final String SHORTENED = "%~";
    private static final int HASH_CHARS = 12;
    private static final Set<String> RESERVED = Set.of("cur", "new", "tmp", KeywordTable.FILE);
    private static final boolean WINDOWS = java.io.File.separatorChar == '\\';
    private static final Charset PLATFORM = platformCharset();
    static final boolean PLATFORM_UTF8 = PLATFORM.equals(StandardCharsets.UTF_8);

    private FolderNames() {
    }

    private static Charset platformCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    static String nfc(String s) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** The directory name of a folder name: escaped as the class says, shortened when too long. */
    static String encode(String name) {
        String s = escape(name, !Normalizer.isNormalized(name, Normalizer.Form.NFC) ? Mode.UNSTABLE : Mode.PLAIN);
        if (!decode(s).equals(name)) {
            // An escape next to a combining mark (a newline then U+0301: "%0A" + U+0301 would read "%0Á"), or a
            // name NFC changes beyond its marks: nothing non-ASCII is left to be normalised.
            s = escape(name, Mode.ALL);
        }
        return s.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES ? shorten(s, name) : s;
    }

    private enum Mode { PLAIN, UNSTABLE, ALL }

    private static String escape(String n, Mode mode) {
        CharsetEncoder platform = PLATFORM_UTF8 ? null : PLATFORM.newEncoder();
        StringBuilder b = new StringBuilder(n.length() + 8);
        for (int i = 0; i < n.length();) {
            int cp = n.codePointAt(i);
            int len = Character.charCount(cp);
            if (mustEscape(cp, i == 0) || (platform != null && !platform.canEncode(n.substring(i, i + len)))
                    || (cp > 0x7f && (mode == Mode.ALL || (mode == Mode.UNSTABLE && unstable(cp))))) {
                for (byte x : utf8(cp)) {
                    b.append('%').append(String.format("%02X", x & 0xff));
                }
            } else {
                b.appendCodePoint(cp);
            }
            i += len;
        }
        String s = b.toString();
        if (RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            s = String.format("%%%02X", (int) s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    /** A code point that NFC may merge with its neighbours or replace. */
    private static boolean unstable(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || (cp >= 0x1100 && cp <= 0x11FF)
                || !Normalizer.isNormalized(new String(Character.toChars(cp)), Normalizer.Form.NFC);
    }

    private static boolean mustEscape(int cp, boolean first) {
        return cp == '%' || cp == '/' || cp == '\\' || cp < 0x20 || cp == 0x7f || (first && cp == '.')
                || (WINDOWS && "<>:\"|?*".indexOf(cp) >= 0) || (cp <= 0xffff && Character.isSurrogate((char) cp));
    }

    /** The UTF-8 bytes of a code point; a lone surrogate (which a broken modified UTF-7 name may hold) as three bytes. */
    private static byte[] utf8(int cp) {
        if (cp <= 0xffff && Character.isSurrogate((char) cp)) {
            return new byte[] {(byte) 0xED, (byte) (0x80 | ((cp >> 6) & 0x3F)), (byte) (0x80 | (cp & 0x3F))};
        }
        return new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
    }

    /** Cuts an escaped name at a character boundary outside any escape and marks it with a hash of the full name. */
    private static String shorten(String escaped, String name) {
        int budget = MAX_BYTES - SHORTENED.length() - HASH_CHARS;
        int end = 0;
        int bytes = 0;
        while (end < escaped.length()) {
            int cp = escaped.codePointAt(end);
            int len = cp == '%' ? 3 : Character.charCount(cp);
            int size = cp == '%' ? 3 : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += len;
        }
        return escaped.substring(0, end) + SHORTENED + hash(name);
    }

    /** Whether a directory name is a shortened one ({@link #encode} of a long name), whose full name is kept elsewhere. */
    static boolean isShortened(String onDisk) {
        int at = onDisk.length() - HASH_CHARS - SHORTENED.length();
        return at >= 0 && onDisk.startsWith(SHORTENED, at) && onDisk.substring(at + SHORTENED.length()).chars()
                .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /** Whether {@code fullName} is the name a shortened directory name was made from. */
    static boolean shortenedFrom(String onDisk, String fullName) {
        return isShortened(onDisk) && onDisk.endsWith(SHORTENED + hash(fullName));
    }

    private static String hash(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String decode(String raw) {
        // NFC before the escapes are undone, never after: an escaped mark stays as it was written.
        String onDisk = nfc(raw);
        if (onDisk.indexOf('%') < 0) {
            return onDisk;
        }
        String name = fromUtf8(PercentEscapes.decode(onDisk));
        // Not one of our escapes (say "100%ab" made by hand): the name is what the directory says.
        return name != null ? name : onDisk;
    }

    /** Strict UTF-8 that also reads the lone surrogates {@link #utf8} writes; null when malformed. */
    private static String fromUtf8(byte[] in) {
        StringBuilder b = new StringBuilder(in.length);
        for (int i = 0; i < in.length;) {
            int c = in[i] & 0xff;
            int more = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            if (more < 0 || i + more >= in.length) {
                return null;
            }
            int cp = more == 0 ? c : c & (0x3F >> more);
            for (int k = 1; k <= more; k++) {
                int x = in[i + k] & 0xff;
                if ((x & 0xC0) != 0x80) {
                    return null;
                }
                cp = (cp << 6) | (x & 0x3F);
            }
            if ((more == 2 && cp < 0x800) || (more == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
                return null;
            }
            b.appendCodePoint(cp);
            i += more + 1;
        }
        return b.toString();
    }
}
