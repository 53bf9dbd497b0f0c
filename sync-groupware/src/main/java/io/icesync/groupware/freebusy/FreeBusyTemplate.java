package io.icesync.groupware.freebusy;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's free/busy URL template (F6.4), as Outlook takes it: {@code %NAME%} stands for the local
 * part of the participant's address and {@code %SERVER%} for its domain, for example
 * {@code https://mail.example.com/freebusy/?%NAME%@%SERVER%}. Placeholders are case-insensitive.
 * A template is checked when parsed: an http(s) URL without user info, {@code %NAME%} present, no
 * other placeholder; problems raise {@link FreeBusyTemplateException} naming the template.
 */
public final class FreeBusyTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("%([A-Za-z]+)%");
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");
    /** Kept as they are in a path or query; everything else of an address is percent-encoded. */
    private static final String SAFE = "-._~!$'()*,;:";

    private final String template;

    private FreeBusyTemplate(String template) {
        this.template = template;
    }

    /**
     * Checks and returns a template.
     *
     * @param template the URL template, with the participant's address placeholders
     * @return the template
     * @throws FreeBusyTemplateException when it cannot give a usable URL
     */
    public static FreeBusyTemplate parse(String template) {
        Objects.requireNonNull(template, "template");
        String t = template.trim();
        if (t.isEmpty()) {
            throw new FreeBusyTemplateException(template, "is empty");
        }
        boolean name = false;
        Matcher m = PLACEHOLDER.matcher(t);
        while (m.find()) {
            String p = m.group(1).toUpperCase(Locale.ROOT);
            if (p.equals("NAME")) {
                name = true;
            } else if (!p.equals("SERVER")) {
                throw new FreeBusyTemplateException(template, "has the placeholder %" + m.group(1)
                        + "%; only %NAME% (local part) and %SERVER% (domain) are known");
            }
        }
        String rest = PERCENT_ESCAPE.matcher(PLACEHOLDER.matcher(t).replaceAll("")).replaceAll("");
        if (rest.contains("%")) {
            throw new FreeBusyTemplateException(template, "has a '%' that is neither a placeholder such as %NAME% nor a %XX escape");
        }
        if (!name) {
            throw new FreeBusyTemplateException(template, "lacks %NAME%, so every participant would get the same answer");
        }
        FreeBusyTemplate result = new FreeBusyTemplate(t);
        URI sample = result.build("user", "example.com");
        String scheme = sample.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new FreeBusyTemplateException(template, "is not an http:// or https:// URL");
        }
        if (sample.getHost() == null || sample.getHost().isEmpty()) {
            throw new FreeBusyTemplateException(template, "has no server name");
        }
        if (sample.getRawUserInfo() != null) {
            throw new FreeBusyTemplateException(template, "carries user info; give credentials to the client instead");
        }
        return result;
    }

    /** {@return the template as given (trimmed)} */
    public String template() {
        return template;
    }

    /**
     * The URL for this participant's address ({@code local@domain}).
     *
     * @param address the participant's address
     * @return the URL to ask
     * @throws IllegalArgumentException when {@code address} is not an e-mail address
     */
    public URI expand(String address) {
        Objects.requireNonNull(address, "address");
        String a = address.trim();
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1 || a.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("'" + address + "' is not an e-mail address");
        }
        return build(a.substring(0, at), a.substring(at + 1));
    }

    private URI build(String local, String domain) {
        int authorityStart = template.indexOf("://");
        int authorityEnd = authorityStart < 0 ? -1 : firstOf(template, authorityStart + 3, "/?#");
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            out.append(template, last, m.start());
            boolean inAuthority = authorityStart >= 0 && m.start() > authorityStart && m.start() < authorityEnd;
            String p = m.group(1).toUpperCase(Locale.ROOT);
            if (p.equals("NAME")) {
                if (inAuthority) {
                    throw new FreeBusyTemplateException(template, "puts %NAME% in the server part of the URL");
                }
                out.append(encode(local));
            } else {
                out.append(inAuthority ? hostName(domain) : encode(domain.toLowerCase(Locale.ROOT)));
            }
            last = m.end();
        }
        out.append(template, last, template.length());
        try {
            return new URI(out.toString());
        } catch (URISyntaxException e) {
            throw new FreeBusyTemplateException(template, "does not give a valid URL (" + e.getReason() + ")");
        }
    }

    private String hostName(String domain) {
        try {
            return IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + domain + "' is not a domain name", e);
        }
    }

    private static int firstOf(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || SAFE.indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FreeBusyTemplate && ((FreeBusyTemplate) o).template.equals(template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }
}
