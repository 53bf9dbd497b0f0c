package io.icesync.groupware.store;

import io.icesync.core.StoreException;
import io.icesync.core.store.AtomicFiles;
import io.icesync.core.store.PercentEscapes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** File names and whole-or-nothing writes for the vdir store. */
final class VdirFiles {
    private VdirFiles() {
    }

    /** The longest folder directory name written, in bytes: file systems stop at 255. */
    static final int MAX_DIR_BYTES = 200;
    /** The longest object file name written, in bytes, with room for the {@code .new-} and {@code .tmp-} prefixes. */
    static final int MAX_FILE_BYTES = 150;
    /** Ends a shortened directory name, before the hash of the full name; never in a whole one ('%' is escaped). */
    static final String SHORTENED = "%~";
    private static final int HASH_CHARS = 12;

    /**
     * A folder name as a directory name: '/', '%', control characters and a leading dot are %-escaped;
     * the name is kept as it is otherwise (no Unicode normalisation: {@code Café} in NFC and in NFD are
     * two directories). A directory name past {@value #MAX_DIR_BYTES} bytes is cut at a character
     * boundary outside any escape and ends in {@value #SHORTENED} and 12 hex digits of the SHA-256 of
     * the full name, which the folder's identity file keeps.
     */
    static String dirName(String segment) {
        String whole = escaped(segment);
        return whole.getBytes(StandardCharsets.UTF_8).length > MAX_DIR_BYTES ? shortened(whole, segment) : whole;
    }

    private static String shortened(String escaped, String segment) {
        int budget = MAX_DIR_BYTES - SHORTENED.length() - HASH_CHARS;
        int end = 0;
        int bytes = 0;
        while (end < escaped.length()) {
            int cp = escaped.codePointAt(end);
            int len = cp == '%' ? 3 : Character.charCount(cp);
            int size = escaped.substring(end, end + len).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += len;
        }
        return escaped.substring(0, end) + SHORTENED + hash(segment);
    }

    /** Whether a directory name is a shortened one, whose full name only the folder's identity file keeps. */
    static boolean isShortened(String dirName) {
        int at = dirName.length() - HASH_CHARS - SHORTENED.length();
        return at >= 0 && dirName.startsWith(SHORTENED, at) && dirName.substring(at + SHORTENED.length()).chars()
                .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /** Whether a shortened directory name was made from the folder name {@code segment}. */
    static boolean shortenedFrom(String dirName, String segment) {
        return isShortened(dirName) && dirName.endsWith(SHORTENED + hash(segment));
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escaped(String segment) {
        StringBuilder b = new StringBuilder();
        byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean escape = c == '/' || c == '\\' || c == '%' || c < 0x20 || c == 0x7f || (i == 0 && c == '.');
            if (escape) {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                b.append((char) c);
            }
        }
        // Non-ASCII bytes were appended one char each; rebuild them as UTF-8 text.
        return new String(b.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** The folder name a directory name stands for. */
    static String segment(String dirName) {
        return new String(PercentEscapes.decode(dirName), StandardCharsets.UTF_8);
    }

    /**
     * A file name for an object: its key made safe, or a fallback; never hidden, never a path. A key
     * past {@value #MAX_FILE_BYTES} bytes of UTF-8 is cut at a character boundary and ends in '-' and
     * a hash of the whole key, so two long keys with one beginning get two names.
     */
    static String fileName(String key, String fallback, String extension) {
        String base = key == null || key.isBlank() ? fallback : key;
        StringBuilder b = new StringBuilder();
        for (char c : base.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '@' || c == '.' ? c : '_');
        }
        String s = b.toString();
        while (s.startsWith(".")) {
            s = "_" + s.substring(1);
        }
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_BYTES) {
            int budget = MAX_FILE_BYTES - 1 - HASH_CHARS;
            int end = 0;
            int bytes = 0;
            while (end < s.length()) {
                int cp = s.codePointAt(end);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + size > budget) {
                    break;
                }
                bytes += size;
                end += Character.charCount(cp);
            }
            s = s.substring(0, end) + "-" + hash(base);
        }
        return (s.isEmpty() ? fallback : s) + "." + extension;
    }

    /** Written whole or not at all (see {@link AtomicFiles}): readers see the old or the new file. */
    static void write(Path file, byte[] content) {
        AtomicFiles.write(file, content);
    }

    /** Writes and syncs a file in place (a hidden file nobody reads until it is renamed). */
    static void writeSynced(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw StoreException.of("cannot write " + file, e);
        }
        AtomicFiles.sync(file);
    }

    static void fsyncDir(Path dir) {
        AtomicFiles.syncDirectory(dir);
    }
}
