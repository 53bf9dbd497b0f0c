package io.icesync.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.InvalidProfileException;
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
            "xmlApi", "groupware", "logins");
    private static final List<String> ENDPOINT_FIELDS = List.of("host", "port", "security");

    private ServicesJson() {
    }

    static ObjectNode write(Services s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (s.smtp() != null) {
            ObjectNode e = o.putObject("smtp");
            e.put("host", s.smtp().host());
            e.put("port", s.smtp().port());
            e.put("security", s.smtp().security().name().toLowerCase(Locale.ROOT));
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
        return o;
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
        Endpoint smtp = endpoint(file, o.get("smtp"));
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
                    uri(file, o, "smartAttach"), freeBusy, uri(file, o, "xmlApi"), groupware, logins);
        } catch (InvalidSettingException e) {
            String m = e.getMessage();
            String prefix = e.setting() + ": ";
            throw new InvalidProfileException(file, "services." + e.setting(),
                    m != null && m.startsWith(prefix) ? m.substring(prefix.length()) : m, e);
        }
    }

    private static Endpoint endpoint(Path file, JsonNode e) {
        if (e == null || e.isNull()) {
            return null;
        }
        if (!e.isObject()) {
            throw new InvalidProfileException(file, "services.smtp", "expected {\"host\": ..., \"port\": ...,"
                    + " \"security\": \"plain|starttls|ssl\"}", null);
        }
        e.fieldNames().forEachRemaining(n -> {
            if (!ENDPOINT_FIELDS.contains(n)) {
                throw new InvalidProfileException(file, "services.smtp." + n, "unknown field; known fields are "
                        + ENDPOINT_FIELDS, null);
            }
        });
        String host = text(file, e, "host");
        JsonNode port = e.get("port");
        if (port == null || !port.isIntegralNumber() || port.asLong() < 1 || port.asLong() > 65535) {
            throw new InvalidProfileException(file, "services.smtp.port", "expected a port number 1..65535, got "
                    + (port == null ? "nothing" : port.toString()), null);
        }
        String sec = text(file, e, "security");
        try {
            return new Endpoint(host, port.intValue(), Security.valueOf(sec.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException x) {
            throw new InvalidProfileException(file, "services.smtp", "expected security plain, starttls or ssl and a"
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
        JsonNode n = o.get(name);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new InvalidProfileException(file, "services." + name, "expected a non-empty text, got " + n, null);
        }
        return n.asText();
    }
}
