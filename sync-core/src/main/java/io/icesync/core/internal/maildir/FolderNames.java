package io.icesync.core.internal.maildir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Folder names as directory names. A name is written as it is (UTF-8, NFC) except for what a file
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
 * {@code sun.jnu.encoding}): {@code Été} is then {@code %C3%89t%C3%A9}.</li>
 * </ul>
 * Decoding reverses this; a directory name that is not a well-formed escape (made by another
 * program) is taken as it is.
 */
final class FolderNames {
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

    static String encode(String name) {
        String n = nfc(name);
        CharsetEncoder platform = PLATFORM_UTF8 ? null : PLATFORM.newEncoder();
        StringBuilder b = new StringBuilder(n.length() + 8);
        for (int i = 0; i < n.length();) {
            int cp = n.codePointAt(i);
            int len = Character.charCount(cp);
            if (mustEscape(cp, i == 0) || (platform != null && !platform.canEncode(n.substring(i, i + len)))) {
                for (byte x : n.substring(i, i + len).getBytes(StandardCharsets.UTF_8)) {
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

    private static boolean mustEscape(int cp, boolean first) {
        return cp == '%' || cp == '/' || cp == '\\' || cp < 0x20 || cp == 0x7f || (first && cp == '.')
                || (WINDOWS && "<>:\"|?*".indexOf(cp) >= 0);
    }

    static String decode(String onDisk) {
        if (onDisk.indexOf('%') < 0) {
            return nfc(onDisk);
        }
        byte[] in = onDisk.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        try {
            return nfc(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            // Not one of our escapes (say "100%ab" made by hand): the name is what the directory says.
            return nfc(onDisk);
        }
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return b >= 'a' && b <= 'f' ? b - 'a' + 10 : -1;
    }
}
