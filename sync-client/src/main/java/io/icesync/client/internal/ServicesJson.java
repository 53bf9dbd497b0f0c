package io.icesync.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.InvalidProfileException;
import io.icesync.client.Pop3Mail;
import io.icesync.client.Services;
import io.icesync.core.Endpoint;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.Security;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code services} object of profile.json ({@link Services}); written only when the account has more than IMAP. */
final class ServicesJson {
    static final List<String> FIELDS = List.of("smtp", "caldav", "carddav", "documents", "smartAttach", "freeBusy",
            "xmlApi", "groupware", "logins", "pop3");
    private static final List<String> ENDPOINT_FIELDS = List.of("host", "port", "security");
    private static final List<String> POP3_FIELDS = List.of("host", "port", "security", "deleteAfterDays");

    private ServicesJson() {
    }

    static ObjectNode write(Services s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (s.smtp() != null) {
            endpoint(o.putObject("smtp"), s.smtp());
        }
        url(o, "caldav", s.caldav());
        url(o, "carddav", s.carddav());
        url(o, "documents", s.documents());
        url(o, "smartAttach", s.smartAttach());
        if (s.freeBusy() != null) {
            o.put("freeBusy", s.freeBusy());
        }
        url(o, "xmlApi", s.xmlApi());
        o.put("groupware", s.groupware().name().toLowerCase(Locale.ROOT));
        if (!s.logins().isEmpty()) {
            ObjectNode l = o.putObject("logins");
            s.logins().forEach(l::put);
        }
        if (s.pop3() != null) {
            // No deleteAfterDays: a copy stays on the server.
            ObjectNode p = endpoint(o.putObject("pop3"), s.pop3().server());
            if (s.pop3().deleteAfterDays() != null) {
                p.put("deleteAfterDays", s.pop3().deleteAfterDays());
            }
        }
        return o;
    }

    private static ObjectNode endpoint(ObjectNode e, Endpoint v) {
        e.put("host", v.host());
        e.put("port", v.port());
        e.put("security", v.security().name().toLowerCase(Locale.ROOT));
        return e;
    }

    private static void url(ObjectNode o, String name, URI u) {
        if (u != null) {
            o.put(name, u.toString());
        }
    }

    static Services read(Path file, JsonNode o) {
        if (o == null || o.isNull()) {
            return Services.NONE;
        }
        if (!o.isObject()) {
            throw new InvalidProfileException(file, "services", "expected an object with the fields " + FIELDS, null);
        }
        o.fieldNames().forEachRemaining(n -> {
            if (!FIELDS.contains(n)) {
                throw new InvalidProfileException(file, "services." + n, "unknown field; known fields are " + FIELDS,
                        null);
            }
        });
        Endpoint smtp = endpoint(file, "smtp", o.get("smtp"), ENDPOINT_FIELDS);
        Pop3Mail pop3 = pop3(file, o.get("pop3"));
        Services.GroupwareSource groupware = Services.GroupwareSource.IMAP;
        if (o.hasNonNull("groupware")) {
            try {
                groupware = Services.GroupwareSource.parse(text(file, o, "groupware"));
            } catch (InvalidSettingException e) {
                throw new InvalidProfileException(file, "services.groupware", "expected imap or dav, got "
                        + o.get("groupware"), e);
            }
        }
        Map<String, String> logins = new LinkedHashMap<>();
        JsonNode l = o.get("logins");
        if (l != null && !l.isNull()) {
            if (!l.isObject()) {
                throw new InvalidProfileException(file, "services.logins", "expected an object of service -> login",
                        null);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new InvalidProfileException(file, "services.logins." + e.getKey(), "expected a login text",
                            null);
                }
                logins.put(e.getKey(), e.getValue().asText());
            }
        }
        String freeBusy = o.hasNonNull("freeBusy") ? text(file, o, "freeBusy") : null;
        try {
            return new Services(smtp, uri(file, o, "caldav"), uri(file, o, "carddav"), uri(file, o, "documents"),
                    uri(file, o, "smartAttach"), freeBusy, uri(file, o, "xmlApi"), groupware, logins, pop3);
        } catch (InvalidSettingException e) {
            String m = e.getMessage();
            String prefix = e.setting() + ": ";
            throw new InvalidProfileException(file, "services." + e.setting(),
                    m != null && m.startsWith(prefix) ? m.substring(prefix.length()) : m, e);
        }
    }

    /** {@code "pop3": {"host", "port", "security", "deleteAfterDays"}}: a GroupWare profile's mail (F10.3). */
    private static Pop3Mail pop3(Path file, JsonNode e) {
        Endpoint server = endpoint(file, "pop3", e, POP3_FIELDS);
        if (server == null) {
            return null;
        }
        JsonNode days = e.get("deleteAfterDays");
        if (days == null || days.isNull()) {
            return Pop3Mail.leaveOnServer(server);
        }
        if (!days.isIntegralNumber() || days.asLong() < 0 || days.asLong() > Pop3Mail.MAX_DAYS) {
            throw new InvalidProfileException(file, "services.pop3.deleteAfterDays", "expected a number of days 0.."
                    + Pop3Mail.MAX_DAYS + " (or no field, to leave mail on the server), got " + days, null);
        }
        return Pop3Mail.deleteAfterDays(server, days.intValue());
    }

    private static Endpoint endpoint(Path file, String name, JsonNode e, List<String> fields) {
        if (e == null || e.isNull()) {
            return null;
        }
        String at = "services." + name;
        if (!e.isObject()) {
            throw new InvalidProfileException(file, at, "expected {\"host\": ..., \"port\": ...,"
                    + " \"security\": \"plain|starttls|ssl\"}", null);
        }
        e.fieldNames().forEachRemaining(n -> {
            if (!fields.contains(n)) {
                throw new InvalidProfileException(file, at + "." + n, "unknown field; known fields are " + fields,
                        null);
            }
        });
        String host = text(file, e, "host", at + ".host");
        JsonNode port = e.get("port");
        if (port == null || !port.isIntegralNumber() || port.asLong() < 1 || port.asLong() > 65535) {
            throw new InvalidProfileException(file, at + ".port", "expected a port number 1..65535, got "
                    + (port == null ? "nothing" : port.toString()), null);
        }
        String sec = text(file, e, "security", at + ".security");
        try {
            return new Endpoint(host, port.intValue(), Security.valueOf(sec.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException x) {
            throw new InvalidProfileException(file, at, "expected security plain, starttls or ssl and a"
                    + " usable host, got " + e, x);
        }
    }

    private static URI uri(Path file, JsonNode o, String name) {
        if (!o.hasNonNull(name)) {
            return null;
        }
        String t = text(file, o, name);
        try {
            return new URI(t);
        } catch (URISyntaxException e) {
            throw new InvalidProfileException(file, "services." + name, "not a URL: " + e.getMessage(), e);
        }
    }

    private static String text(Path file, JsonNode o, String name) {
        return text(file, o, name, "services." + name);
    }

    private static String text(Path file, JsonNode o, String name, String field) {
        JsonNode n = o.get(name);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new InvalidProfileException(file, field, "expected a non-empty text, got " + n, null);
        }
        return n.asText();
    }
}
