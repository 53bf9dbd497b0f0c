package io.icesync.groupware.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One property as it stood in the input: {@link #text()} is the exact physical text (folding
 * included), so an untouched property is written back byte for byte.
 */
public record RawProperty(String text, String unfolded, String group, String name, String params, String value, int line)
        implements RawNode {

    /** A new property from an unfolded line, folded when written. */
    public static RawProperty of(String unfolded) {
        RawProperty p = ContentLineReader.parseLine(unfolded, unfolded, 0);
        if (p == null) {
            throw new IllegalArgumentException("not a content line: " + unfolded);
        }
        return p;
    }

    /** The parameters split on unquoted semicolons, as written. */
    public List<String> paramList() {
        List<String> out = new ArrayList<>();
        if (params.isEmpty()) {
            return out;
        }
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < params.length(); i++) {
            char c = params.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                out.add(params.substring(start, i));
                start = i + 1;
            }
        }
        out.add(params.substring(start));
        return out;
    }

    /** The value of parameter {@code name} without quotes, or null. */
    public String param(String name) {
        for (String p : paramList()) {
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).trim();
                return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    public boolean is(String propertyName) {
        return name.equals(propertyName.toUpperCase(Locale.ROOT));
    }

    /** Whether the value uses vCard 2.1 quoted-printable (soft line breaks are not folding). */
    public boolean quotedPrintable() {
        String upper = params.toUpperCase(Locale.ROOT);
        return upper.contains("QUOTED-PRINTABLE");
    }
}
