package io.icesync.testkit;

import com.sun.net.httpserver.HttpExchange;
import io.icesync.core.xml.SafeDom;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The server's XML API at {@code /icewarpapi/} on its HTTP(S), for what a user may change of their
 * own account: {@code authenticate}/{@code logout}, the rule commands ({@code getrulesinfolist},
 * {@code getrule}, {@code addrule}, {@code editrule}, {@code deleterule}) and
 * {@code getaccountproperties}/{@code setaccountproperties} with the rights of each property
 * ({@link Right}), among them the WebClient signature ({@link #SIGNATURE}). Rules are kept as the
 * client sent them, so what a client reads back is what it wrote. Tests lock properties, seed values or raw rules, and read what clients stored.
 */
public final class TestIceWarpApi {
    private static final int MAX_REQUEST = 1024 * 1024;
    private static final String NS = "admin:iq:rpc";

    /** IceWarp's TPermission: what the user may do with a property; the forced ones are the administrator's. */
    public enum Right {
        /** Hidden: reads give an empty value, writes are refused (sent as 0). */
        NONE,
        /** Readable, writes refused (1). */
        READ,
        /** Readable and writable (2): the default of every property. */
        READ_WRITE,
        /** As {@link #NONE}, set by the administrator (3). */
        FORCED_NONE,
        /** As {@link #READ}, set by the administrator (4). */
        FORCED_READ,
        /** As {@link #READ_WRITE}, set by the administrator (5). */
        FORCED_READ_WRITE;

        boolean readable() {
            return this != NONE && this != FORCED_NONE;
        }

        boolean writable() {
            return this == READ_WRITE || this == FORCED_READ_WRITE;
        }
    }

    private static final class Settings {
        final List<Element> rules = new ArrayList<>();
        final Map<String, Element> properties = new ConcurrentHashMap<>();
        final Map<String, Right> rights = new ConcurrentHashMap<>();
        int nextId = 1;
    }

    private final IceWarpServer server;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final Map<String, Settings> accounts = new ConcurrentHashMap<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private volatile boolean enabled = true;

    TestIceWarpApi(IceWarpServer server) {
        this.server = server;
    }

    // ------------------------------------------------------------------ for tests

    /**
     * Gives the account this right on a property ({@code u_forwardto}, {@code A_Responder}, ...).
     *
     * @param email    the account's address, in any case
     * @param property the property's name, in any case
     * @param right    what the user may do with it from now on
     * @return this API
     */
    public TestIceWarpApi right(String email, String property, Right right) {
        settings(email).rights.put(key(property), right);
        return this;
    }

    /**
     * Stores a plain string property, as the administrator would (whatever the user's right on it).
     *
     * @param email    the account's address, in any case
     * @param property the property's name, in any case
     * @param value    the text to store
     * @return this API
     */
    public TestIceWarpApi property(String email, String property, String value) {
        Document d = SafeDom.newDocument();
        Element v = d.createElementNS(NS, "propertyval");
        d.appendChild(v);
        SafeDom.append(v, "classname", "TPropertyString");
        SafeDom.append(v, "val", value);
        settings(email).properties.put(key(property), v);
        return this;
    }

    /**
     * Reads a property as stored, whatever the user's right on it.
     *
     * @param email    the account's address, in any case
     * @param property the property's name, in any case
     * @return a string's text, or the XML of a structured value such as the responder; empty when not set
     */
    public Optional<String> property(String email, String property) {
        Element v = settings(email).properties.get(key(property));
        if (v == null) {
            return Optional.empty();
        }
        String cls = SafeDom.text(v, "classname");
        return Optional.of("TPropertyString".equalsIgnoreCase(cls) ? nonNull(SafeDom.text(v, "val")) : SafeDom.write(v));
    }

    /** The account property that holds the user's WebClient signature (HTML), as IceSync reads it. */
    public static final String SIGNATURE = "A_Signature";

    /**
     * Sets the account's signature, as the user would in WebClient.
     *
     * @param email the account's address, in any case
     * @param html  the signature's HTML
     * @return this API
     */
    public TestIceWarpApi signature(String email, String html) {
        return property(email, SIGNATURE, html);
    }

    /**
     * Reads the account's signature.
     *
     * @param email the account's address, in any case
     * @return the signature's HTML as stored; "" when it has none
     */
    public String signature(String email) {
        return property(email, SIGNATURE).orElse("");
    }

    /**
     * Reads the account's rules.
     *
     * @param email the account's address, in any case
     * @return the rules as stored, each a {@code <rulesettings>} element's XML with its {@code ruleid}, in order
     */
    public List<String> rules(String email) {
        Settings s = settings(email);
        synchronized (s) {
            return s.rules.stream().map(SafeDom::write).toList();
        }
    }

    /**
     * Stores a rule given as {@code <rulesettings>} XML (e.g. one written by another client), after the
     * account's other rules. Any {@code ruleid} in it is replaced.
     *
     * @param email           the account's address, in any case
     * @param rulesettingsXml the rule as a {@code <rulesettings>} document
     * @return the rule's new id
     * @throws IllegalArgumentException when the XML cannot be parsed
     */
    public String addRule(String email, String rulesettingsXml) {
        try {
            Element e = SafeDom.parse(rulesettingsXml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
            return store(settings(email), e, null);
        } catch (IOException x) {
            throw new IllegalArgumentException("not a rule: " + x.getMessage(), x);
        }
    }

    /** {@return the command names clients sent (lower case, failed ones included), in order} */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /**
     * Turns the API off (it answers 404, as a server without it) or on again; stored values are kept.
     *
     * @param on false to turn it off
     * @return this API
     */
    public TestIceWarpApi enabled(boolean on) {
        enabled = on;
        return this;
    }

    // ------------------------------------------------------------------ the endpoint

    void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!enabled) {
                send(ex, 404, "");
                return;
            }
            if (!"POST".equalsIgnoreCase(ex.getRequestMethod())) {
                ex.getResponseHeaders().add("Allow", "POST");
                send(ex, 405, "");
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST + 1);
            }
            if (body.length > MAX_REQUEST) {
                send(ex, 413, "");
                return;
            }
            send(ex, 200, answer(body));
        }
    }

    private String answer(byte[] body) {
        Element iq;
        try {
            iq = SafeDom.parse(body).getDocumentElement();
        } catch (IOException e) {
            return error("", "request_malformed");
        }
        Element query = SafeDom.child(iq, "query");
        String command = SafeDom.trimmed(query, "commandname");
        if (!"iq".equals(SafeDom.name(iq)) || command == null) {
            return error("", "request_malformed");
        }
        command = command.toLowerCase(Locale.ROOT);
        commands.add(command);
        Element params = SafeDom.child(query, "commandparams");
        if (command.equals("authenticate")) {
            String email = nonNull(SafeDom.trimmed(params, "email"));
            String password = nonNull(SafeDom.text(params, "password"));
            if (!"0".equals(nonNull(SafeDom.trimmed(params, "authtype"), "0"))
                    || server.model().authenticate(email, password).isEmpty()) {
                return result("", r -> r.setTextContent("0"));
            }
            String sid = HexFormat.of().formatHex(bytes(16));
            sessions.put(sid, email.toLowerCase(Locale.ROOT));
            return result(sid, r -> r.setTextContent("1"));
        }
        String sid = iq.getAttribute("sid");
        String user = sid.isEmpty() ? null : sessions.get(sid);
        if (user == null) {
            return error("", "session_invalid");
        }
        try {
            switch (command) {
                case "logout":
                    sessions.remove(sid);
                    return result("", r -> r.setTextContent("1"));
                case "getrulesinfolist":
                    return rulesInfo(sid, own(user, params, "who"));
                case "getrule":
                    return rule(sid, own(user, params, "who"), SafeDom.text(params, "ruleid"));
                case "addrule":
                case "editrule":
                    return saveRule(sid, own(user, params, "who"), SafeDom.child(params, "rulesettings"), command);
                case "deleterule":
                    return deleteRule(sid, own(user, params, "who"), SafeDom.text(params, "ruleid"));
                case "getaccountproperties":
                    return getProperties(sid, own(user, params, "accountemail"), params);
                case "setaccountproperties":
                    return setProperties(sid, own(user, params, "accountemail"), params);
                default:
                    return error(sid, "command_unknown");
            }
        } catch (Refused r) {
            return error(sid, r.getMessage());
        }
    }

    /** A refusal, carried as the error id. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String id) {
            super(id, null, false, false);
        }
    }

    /** A user works on their own account only. */
    private Settings own(String user, Element params, String field) {
        String who = nonNull(SafeDom.trimmed(params, field));
        if (!who.equalsIgnoreCase(user)) {
            throw new Refused("access_denied");
        }
        return settings(user);
    }

    private String rulesInfo(String sid, Settings s) {
        synchronized (s) {
            return result(sid, r -> {
                Element items = SafeDom.append(r, "items");
                for (Element rule : s.rules) {
                    Element item = SafeDom.append(items, "item");
                    SafeDom.append(item, "ruleid", SafeDom.text(rule, "ruleid"));
                    SafeDom.append(item, "title", SafeDom.text(rule, "title"));
                    SafeDom.append(item, "active", SafeDom.text(rule, "active"));
                    SafeDom.append(item, "actiontype", "0");
                }
                SafeDom.append(r, "offset", "0");
                SafeDom.append(r, "overallcount", Integer.toString(s.rules.size()));
            });
        }
    }

    private String rule(String sid, Settings s, String id) {
        synchronized (s) {
            Element rule = find(s, id);
            return result(sid, r -> {
                for (Element child : SafeDom.children(rule)) {
                    r.appendChild(r.getOwnerDocument().importNode(child, true));
                }
            });
        }
    }

    private String saveRule(String sid, Settings s, Element settings, String command) {
        if (settings == null) {
            throw new Refused("rule_invalid");
        }
        check(settings);
        synchronized (s) {
            if (command.equals("addrule")) {
                store(s, settings, null);
            } else {
                Element old = find(s, SafeDom.text(settings, "ruleid"));
                store(s, settings, old);
            }
        }
        return result(sid, r -> r.setTextContent("1"));
    }

    private String deleteRule(String sid, Settings s, String id) {
        synchronized (s) {
            s.rules.remove(find(s, id));
        }
        return result(sid, r -> r.setTextContent("1"));
    }

    private static Element find(Settings s, String id) {
        for (Element rule : s.rules) {
            if (SafeDom.trimmed(rule, "ruleid").equals(id == null ? "" : id.trim())) {
                return rule;
            }
        }
        throw new Refused("rule_not_found");
    }

    /** Keeps a copy of the rule under a new id, or in place of {@code old} with its id. */
    private static String store(Settings s, Element settings, Element old) {
        Document d = SafeDom.newDocument();
        Element copy = d.createElementNS(null, "rulesettings");
        d.appendChild(copy);
        for (Element child : SafeDom.children(settings)) {
            if (!SafeDom.name(child).equals("ruleid")) {
                copy.appendChild(d.importNode(child, true));
            }
        }
        synchronized (s) {
            String id = old == null ? Integer.toString(s.nextId++) : SafeDom.trimmed(old, "ruleid");
            SafeDom.append(copy, "ruleid", id);
            if (old == null) {
                s.rules.add(copy);
            } else {
                s.rules.set(s.rules.indexOf(old), copy);
            }
            return id;
        }
    }

    /** What the server checks of a rule: a title, typed conditions with balanced brackets, typed actions. */
    private static void check(Element settings) {
        if (nonNull(SafeDom.text(settings, "title")).isBlank()) {
            throw new Refused("rule_invalid");
        }
        int depth = 0;
        for (Element c : SafeDom.children(SafeDom.child(settings, "conditions"), "item")) {
            String cls = nonNull(SafeDom.trimmed(c, "classname")).toLowerCase(Locale.ROOT);
            if (!cls.startsWith("trule") || !cls.endsWith("condition") || !number(SafeDom.trimmed(c, "conditiontype"))) {
                throw new Refused("rule_invalid");
            }
            depth += count(c, "bracketsleft");
            depth -= count(c, "bracketsright");
            if (depth < 0) {
                throw new Refused("rule_invalid");
            }
        }
        if (depth != 0) {
            throw new Refused("rule_invalid");
        }
        List<Element> actions = SafeDom.children(SafeDom.child(settings, "actions"), "item");
        if (actions.isEmpty()) {
            throw new Refused("rule_invalid");
        }
        for (Element a : actions) {
            String cls = nonNull(SafeDom.trimmed(a, "classname")).toLowerCase(Locale.ROOT);
            if (!cls.startsWith("trule") || !cls.endsWith("action")) {
                throw new Refused("rule_invalid");
            }
        }
    }

    private String getProperties(String sid, Settings s, Element params) {
        List<String> names = new ArrayList<>();
        for (Element item : SafeDom.children(SafeDom.child(SafeDom.child(params, "accountpropertylist"), "val"), "item")) {
            names.add(item.getTextContent().trim());
        }
        return result(sid, r -> {
            SafeDom.append(r, "classname", "TPropertyValueList");
            Element items = SafeDom.append(r, "items");
            for (String name : names) {
                Right right = s.rights.getOrDefault(key(name), Right.READ_WRITE);
                Element item = SafeDom.append(items, "item");
                SafeDom.append(SafeDom.append(item, "apiproperty"), "propname", name);
                Element stored = s.properties.get(key(name));
                if (stored != null && right.readable()) {
                    item.appendChild(item.getOwnerDocument().importNode(stored, true));
                } else {
                    SafeDom.append(item, "propertyval");
                }
                SafeDom.append(item, "propertyright", Integer.toString(right.ordinal()));
            }
        });
    }

    private String setProperties(String sid, Settings s, Element params) {
        List<Element> items = SafeDom.children(SafeDom.child(SafeDom.child(params, "propertyvaluelist"), "items"), "item");
        // All or nothing: one locked property refuses the whole change.
        for (Element item : items) {
            String name = SafeDom.trimmed(SafeDom.child(item, "apiproperty"), "propname");
            if (name == null || SafeDom.child(item, "propertyval") == null) {
                throw new Refused("request_malformed");
            }
            if (!s.rights.getOrDefault(key(name), Right.READ_WRITE).writable()) {
                throw new Refused("property_access_denied");
            }
        }
        for (Element item : items) {
            String name = SafeDom.trimmed(SafeDom.child(item, "apiproperty"), "propname");
            Document d = SafeDom.newDocument();
            Element v = (Element) d.importNode(SafeDom.child(item, "propertyval"), true);
            d.appendChild(v);
            s.properties.put(key(name), v);
        }
        return result(sid, r -> r.setTextContent("1"));
    }

    // ------------------------------------------------------------------ answers

    private static String result(String sid, java.util.function.Consumer<Element> fill) {
        Document d = SafeDom.newDocument();
        Element iq = d.createElementNS(null, "iq");
        d.appendChild(iq);
        iq.setAttribute("type", "result");
        if (!sid.isEmpty()) {
            iq.setAttribute("sid", sid);
        }
        Element query = d.createElementNS(NS, "query");
        iq.appendChild(query);
        Element result = SafeDom.append(query, "result");
        fill.accept(result);
        return SafeDom.write(d);
    }

    private static String error(String sid, String id) {
        Document d = SafeDom.newDocument();
        Element iq = d.createElementNS(null, "iq");
        d.appendChild(iq);
        iq.setAttribute("type", "error");
        if (!sid.isEmpty()) {
            iq.setAttribute("sid", sid);
        }
        Element query = d.createElementNS(NS, "query");
        iq.appendChild(query);
        SafeDom.append(query, "error").setAttribute("uid", id);
        return SafeDom.write(d);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    private Settings settings(String email) {
        return accounts.computeIfAbsent(email.toLowerCase(Locale.ROOT), e -> new Settings());
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String key(String property) {
        return property.toLowerCase(Locale.ROOT);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String nonNull(String s, String dflt) {
        return s == null || s.isEmpty() ? dflt : s;
    }

    private static boolean number(String s) {
        return s != null && s.matches("\\d+");
    }

    private static int count(Element e, String name) {
        String s = SafeDom.trimmed(e, name);
        return number(s) ? Integer.parseInt(s) : 0;
    }
}
