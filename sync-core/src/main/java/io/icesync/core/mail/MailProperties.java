package io.icesync.core.mail;

import io.icesync.core.InvalidSettingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's own Angus Mail session properties: which it may set ({@code mail.imap.*},
 * {@code mail.smtp.*}, {@code mail.pop3.*} and the {@code s} twins), which IceSync owns (where to
 * connect, timeouts, TLS and trust, proxy, authentication, debug output, and for IMAP the settings its
 * own connection handling relies on), and how they reach one connection's session.
 */
public final class MailProperties {
    private static final Pattern NAME = Pattern.compile("mail\\.(imap|imaps|smtp|smtps|pop3|pop3s)\\.(.+)");
    /** Owned names after {@code mail.<protocol>.}, each with why; a name ending in '*' covers what starts so. */
    private static final List<String[]> OWNED = List.of(
            new String[] {"host", "the endpoint"}, new String[] {"port", "the endpoint"},
            new String[] {"user", "the login"}, new String[] {"from", "the envelope sender"},
            new String[] {"connectiontimeout", "the timeouts"}, new String[] {"timeout", "the timeouts"},
            new String[] {"writetimeout", "the timeouts"},
            new String[] {"ssl.*", "TLS and certificate trust"}, new String[] {"starttls.*", "TLS and certificate trust"},
            new String[] {"socketFactory*", "TLS, trust and proxy"},
            new String[] {"proxy.*", "the proxy"}, new String[] {"socks.*", "the proxy"},
            new String[] {"auth", "authentication"}, new String[] {"auth.*", "authentication"},
            new String[] {"sasl.*", "authentication"}, new String[] {"debug*", "credentials kept out of logs"},
            new String[] {"peek", "downloads never marking messages read"},
            new String[] {"separatestoreconnection", "IceSync's IMAP connection handling"},
            new String[] {"connectionpool*", "IceSync's IMAP connection handling"},
            new String[] {"icesync.*", "IceSync's response limits"});

    private MailProperties() {
    }

    /**
     * The properties as given, after checking each name.
     *
     * @param properties the application's properties by full name; not null, no null name or value
     * @return an immutable copy
     * @throws InvalidSettingException naming the first property that is not a mail protocol property or
     *         that IceSync sets itself, and why
     */
    public static Map<String, String> check(Map<String, String> properties) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String name = e.getKey();
            if (name == null || e.getValue() == null) {
                throw new InvalidSettingException("mailProperties", "a property name or value is missing");
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new InvalidSettingException("mailProperties", "'" + name + "' is not a mail.imap.*, mail.smtp.*"
                        + " or mail.pop3.* property (nor their mail.imaps, mail.smtps, mail.pop3s twins)");
            }
            String owner = owner(m.group(2));
            if (owner != null) {
                throw new InvalidSettingException("mailProperties", "'" + name + "' cannot be set: IceSync sets it"
                        + " (" + owner + "); use the matching IceSync setting instead");
            }
            out.put(name, e.getValue());
        }
        return Map.copyOf(out);
    }

    private static String owner(String rest) {
        for (String[] o : OWNED) {
            String p = o[0];
            boolean owned = p.endsWith("*") ? rest.startsWith(p.substring(0, p.length() - 1)) : rest.equals(p);
            if (owned) {
                return o[1];
            }
        }
        return null;
    }

    /**
     * Puts the properties meant for {@code protocol} into {@code props}: those naming it, and for a TLS
     * protocol ({@code imaps}, {@code smtps}, {@code pop3s}) also those of its plain twin, renamed (the
     * exact name wins when both are given).
     *
     * @param props the session properties to add to
     * @param protocol the session's protocol name, e.g. {@code imaps} or {@code smtp}
     * @param properties properties already passed through {@link #check(Map)}; names of other protocols are skipped
     */
    public static void applyTo(Properties props, String protocol, Map<String, String> properties) {
        String plain = protocol.endsWith("s") ? protocol.substring(0, protocol.length() - 1) : null;
        for (String from : plain == null ? List.of(protocol) : List.of(plain, protocol)) {
            properties.forEach((name, value) -> {
                Matcher m = NAME.matcher(name);
                if (m.matches() && m.group(1).equals(from)) {
                    props.put("mail." + protocol + "." + m.group(2), value);
                }
            });
        }
    }
}
