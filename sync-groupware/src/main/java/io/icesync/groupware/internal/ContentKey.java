package io.icesync.groupware.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A hash of what an object means rather than how it was written (PITFALL 11): property and
 * component order, folding, parameter order and quoting, name case and the stamps a server
 * rewrites on every serialisation (DTSTAMP, PRODID) do not count.
 */
public final class ContentKey {
    private static final Set<String> IGNORED = Set.of("DTSTAMP", "PRODID");

    private ContentKey() {
    }

    public static String of(RawComponent component) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(canonical(component).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    static String canonical(RawComponent component) {
        List<String> lines = new ArrayList<>();
        for (RawNode n : component.children()) {
            if (n instanceof RawProperty p) {
                if (!IGNORED.contains(p.name())) {
                    lines.add(canonical(p));
                }
            } else if (n instanceof RawComponent c) {
                lines.add(canonical(c));
            }
        }
        lines.sort(null);
        StringBuilder b = new StringBuilder();
        b.append("BEGIN:").append(component.name()).append('\n');
        for (String l : lines) {
            b.append(l).append('\n');
        }
        return b.append("END:").append(component.name()).toString();
    }

    private static String canonical(RawProperty p) {
        java.util.TreeMap<String, List<String>> params = new java.util.TreeMap<>();
        for (String param : p.paramList()) {
            int eq = param.indexOf('=');
            String name = eq < 0 ? "TYPE" : param.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            String value = eq < 0 ? param : param.substring(eq + 1);
            if (name.equals("CHARSET") || (name.equals("ENCODING") && value.equalsIgnoreCase("QUOTED-PRINTABLE"))
                    || (eq < 0 && value.equalsIgnoreCase("QUOTED-PRINTABLE"))) {
                continue; // the value below is decoded, so how it was encoded does not matter
            }
            List<String> values = params.computeIfAbsent(name, k -> new ArrayList<>());
            for (String v : splitQuoted(value)) {
                v = v.trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                values.add(name.equals("TYPE") ? v.toUpperCase(Locale.ROOT) : v);
            }
        }
        String value = p.quotedPrintable() ? QuotedPrintable.decode(p.value(), p.param("CHARSET")) : p.value();
        StringBuilder b = new StringBuilder(p.name());
        params.forEach((name, values) -> {
            values.sort(null);
            b.append(';').append(name).append('=').append(String.join(",", values));
        });
        return b.append(':').append(value).toString();
    }

    private static List<String> splitQuoted(String s) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }
}
