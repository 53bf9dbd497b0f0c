package io.icesync.imap.internal;

import io.icesync.core.CategoryKeywords;
import io.icesync.core.Flag;
import io.icesync.core.Flags;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;

/**
 * Between IceSync's {@link Flags} and Jakarta Mail's and IMAP's spelling. Categories travel in
 * {@link CategoryKeywords}' spelling, except to a server that says X-ICEWARP-SERVER: there they are
 * written URL-quoted, as IceWarp's WebClient writes and reads them ({@code Red%20Category}). Quoted
 * keywords are read back from any server.
 */
final class FlagCodec {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    private FlagCodec() {
    }

    static Flags of(jakarta.mail.Flags f) {
        EnumSet<Flag> sys = EnumSet.noneOf(Flag.class);
        if (f.contains(jakarta.mail.Flags.Flag.SEEN)) {
            sys.add(Flag.SEEN);
        }
        if (f.contains(jakarta.mail.Flags.Flag.ANSWERED)) {
            sys.add(Flag.ANSWERED);
        }
        if (f.contains(jakarta.mail.Flags.Flag.FLAGGED)) {
            sys.add(Flag.FLAGGED);
        }
        if (f.contains(jakarta.mail.Flags.Flag.DELETED)) {
            sys.add(Flag.DELETED);
        }
        if (f.contains(jakarta.mail.Flags.Flag.DRAFT)) {
            sys.add(Flag.DRAFT);
        }
        TreeSet<String> kw = new TreeSet<>();
        for (String u : f.getUserFlags()) {
            String k = keyword(u);
            if (k != null) {
                kw.add(k);
            }
        }
        return Flags.of(sys, kw);
    }

    /**
     * A server keyword in IceSync's spelling: a URL-quoted category becomes its name's keyword; any
     * other keyword an IMAP atom cannot carry is taken as a category name, so that a later STORE
     * renames it rather than dropping it. Null for what cannot be a name at all.
     */
    static String keyword(String server) {
        if (server == null || server.isBlank() || server.startsWith("\\")) {
            return null;
        }
        String name = server.indexOf('%') >= 0 ? unquote(server) : null;
        if (name == null) {
            try {
                Flags.checkKeyword(server);
                return server;
            } catch (IllegalArgumentException e) {
                name = server;
            }
        }
        return name.isBlank() ? null : CategoryKeywords.keyword(name);
    }

    static jakarta.mail.Flags to(Flags f, boolean iceWarp) {
        jakarta.mail.Flags out = new jakarta.mail.Flags();
        for (Flag x : f.flags()) {
            out.add(switch (x) {
                case SEEN -> jakarta.mail.Flags.Flag.SEEN;
                case ANSWERED -> jakarta.mail.Flags.Flag.ANSWERED;
                case FLAGGED -> jakarta.mail.Flags.Flag.FLAGGED;
                case DELETED -> jakarta.mail.Flags.Flag.DELETED;
                case DRAFT -> jakarta.mail.Flags.Flag.DRAFT;
            });
        }
        serverKeywords(f, iceWarp).forEach(out::add);
        return out;
    }

    /** "(\Seen \Flagged kw)" for STORE. */
    static String list(Flags f, boolean iceWarp) {
        StringBuilder b = new StringBuilder("(");
        for (Flag x : Flag.values()) {
            if (f.has(x)) {
                b.append(b.length() > 1 ? " " : "").append(x.imapName());
            }
        }
        for (String k : serverKeywords(f, iceWarp)) {
            b.append(b.length() > 1 ? " " : "").append(k);
        }
        return b.append(')').toString();
    }

    private static List<String> serverKeywords(Flags f, boolean iceWarp) {
        List<String> out = new ArrayList<>();
        for (String k : f.keywords()) {
            out.add(iceWarp ? CategoryKeywords.name(k).map(FlagCodec::quote).orElse(k) : k);
        }
        return out;
    }

    /** URL-quoting as IceWarp's WebClient does it (every byte but the unreserved ones as %XX of UTF-8). */
    static String quote(String name) {
        StringBuilder b = new StringBuilder();
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (UNRESERVED.indexOf(c) >= 0) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /** The name in a URL-quoted keyword, or null when it is not valid quoting of UTF-8. */
    static String unquote(String k) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c == '%') {
                if (i + 2 >= k.length()) {
                    return null;
                }
                int hi = Character.digit(k.charAt(i + 1), 16);
                int lo = Character.digit(k.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }
}
