package io.icesync.rules;

import io.icesync.core.PolicyLockedException;
import io.icesync.core.ServiceAccess;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.xml.SafeDom;
import io.icesync.net.HttpClientFactory;
import io.icesync.rules.internal.IceWarpAccountXml;
import io.icesync.rules.internal.IceWarpApi;
import io.icesync.rules.internal.IceWarpRuleXml;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Rules, forwarding and the auto-responder through IceWarp's XML API ({@code /icewarpapi/}): the
 * account's rules as {@code TRuleSettings}, forwarding as {@code u_forwardto} and
 * {@code u_donotforwardspam}, the responder as {@code A_Responder}. The rights the server returns
 * with each property are honoured: a setting the administrator locked reads, and a push that would
 * change it is refused before anything is written.
 *
 * <p>A push edits the rules in place, adds what is new and deletes what is gone, so that a push
 * interrupted at any point and run again ends with the same rules. Rules on the server that IceSync
 * cannot read are left where they are and listed by {@link #skipped()}.
 */
public final class IceWarpRulesProvider implements RulesProvider {
    /** TPermission values that allow writing: ReadWrite and ForcedReadWrite. */
    private static final Set<Integer> WRITABLE = Set.of(2, 5);

    private final IceWarpApi api;
    private final String who;
    private final List<String> skipped = new ArrayList<>();
    private final Set<String> locked = new LinkedHashSet<>();

    /** A rule on the server: its id, and the rule when IceSync can read it. */
    private record ServerRule(String id, String title, Rule rule) {
    }

    /** A property as read: its value element and the right the server gave. */
    private record Property(Element value, int right) {
    }

    private IceWarpRulesProvider(IceWarpApi api, String who) {
        this.api = api;
        this.who = who;
    }

    /**
     * Logs in to the API at {@code api} (such as {@code https://mail.example.com/icewarpapi/}) and
     * works on {@code login}'s own rules, with 15 s timeouts.
     *
     * @param api      the API's URL
     * @param login    the account's login
     * @param password its password, not kept beyond the session's login
     * @param trust    certificates accepted beyond the system's CAs
     * @return a provider logged in; close it when done
     * @throws io.icesync.core.AuthenticationException when the login is refused
     * @throws io.icesync.core.UntrustedCertificateException when the server's certificate is not trusted
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public static IceWarpRulesProvider connect(URI api, String login, char[] password, CertificateTrust trust) {
        Objects.requireNonNull(trust, "trust");
        return connect(api, ServiceAccess.builder().credentials(login, password).trust(trust)
                .timeout(Duration.ofSeconds(15)).build(), HttpClientFactory.standard());
    }

    /**
     * Logs in with {@code access}'s credentials (required) and works on that user's own rules; the
     * timeouts, trust and proxy are {@code access}'s, the HTTP client comes from {@code clients}.
     *
     * @param api     the API's URL
     * @param access  credentials, trust, timeouts and proxy
     * @param clients makes the HTTP client
     * @return a provider logged in; close it when done
     * @throws IllegalArgumentException when {@code access} has no credentials
     * @throws io.icesync.core.AuthenticationException when the login is refused
     * @throws io.icesync.core.UntrustedCertificateException when the server's certificate is not trusted
     * @throws io.icesync.core.ConnectionException when the server cannot be reached
     */
    public static IceWarpRulesProvider connect(URI api, ServiceAccess access, HttpClientFactory clients) {
        if (!access.hasCredentials()) {
            throw new IllegalArgumentException("the IceWarp API needs a login: ServiceAccess.credentials(...)");
        }
        return new IceWarpRulesProvider(IceWarpApi.login(api, access, clients), access.user());
    }

    @Override
    public RuleSet pull() {
        List<Rule> rules = new ArrayList<>();
        for (ServerRule r : serverRules()) {
            if (r.rule() != null) {
                rules.add(r.rule());
            }
        }
        Map<String, Property> props = properties();
        return new RuleSet(rules, Map.of(), forwarding(props), responder(props));
    }

    @Override
    public PushReport push(RuleSet wanted) {
        List<String> notes = new ArrayList<>();
        if (!wanted.lists().isEmpty()) {
            notes.add("lists: IceWarp keeps its lists as files on the server; " + String.join(", ", wanted.lists().keySet())
                    + " are not stored, so rules that name them match what the server's files hold");
        }
        if (wanted.forwarding().active() && !wanted.forwarding().keepCopy()) {
            notes.add("forwarding: IceWarp keeps a copy of forwarded mail in the mailbox");
        }
        Map<String, Property> props = properties();
        Forwarding forwardingNow = forwarding(props);
        AutoResponder responderNow = responder(props);
        boolean forwardingChanges = !sameForwarding(forwardingNow, wanted.forwarding());
        boolean responderChanges = !responderNow.equals(wanted.responder());
        // Refuse before writing anything, so a refused push changes nothing.
        if (forwardingChanges && locked.contains(FORWARDING)) {
            throw new PolicyLockedException(FORWARDING, "server administrator's");
        }
        if (responderChanges && locked.contains(RESPONDER)) {
            throw new PolicyLockedException(RESPONDER, "server administrator's");
        }

        List<ServerRule> readable = serverRules().stream().filter(r -> r.rule() != null).toList();
        List<Rule> rules = wanted.rules();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            List<String> ruleNotes = new ArrayList<>();
            String id = i < readable.size() ? readable.get(i).id() : null;
            Element settings = settings(rule, id, ruleNotes);
            for (String n : new LinkedHashSet<>(ruleNotes)) {
                notes.add(rule.name() + ": " + n);
            }
            if (id == null) {
                api.expectOk("addrule", p -> {
                    SafeDom.append(p, "who", who);
                    p.appendChild(p.getOwnerDocument().importNode(settings, true));
                });
            } else if (!rule.equals(readable.get(i).rule())) {
                api.expectOk("editrule", p -> {
                    SafeDom.append(p, "who", who);
                    p.appendChild(p.getOwnerDocument().importNode(settings, true));
                });
            }
        }
        for (int i = rules.size(); i < readable.size(); i++) {
            String id = readable.get(i).id();
            api.expectOk("deleterule", p -> {
                SafeDom.append(p, "who", who);
                SafeDom.append(p, "ruleid", id);
            });
        }

        Map<String, Element> changes = new LinkedHashMap<>();
        if (forwardingChanges) {
            changes.put(IceWarpAccountXml.FORWARD_TO, stringValue(IceWarpAccountXml.forwardTo(wanted.forwarding())));
            changes.put(IceWarpAccountXml.NO_SPAM_FORWARD, stringValue(wanted.forwarding().skipSpam() ? "1" : "0"));
        }
        if (responderChanges) {
            Element v = SafeDom.newDocument().createElementNS(null, "propertyval");
            v.getOwnerDocument().appendChild(v);
            IceWarpAccountXml.writeResponder(v, wanted.responder());
            changes.put(IceWarpAccountXml.RESPONDER, v);
        }
        if (!changes.isEmpty()) {
            api.expectOk("setaccountproperties", p -> {
                SafeDom.append(p, "accountemail", who);
                Element items = SafeDom.append(SafeDom.append(p, "propertyvaluelist"), "items");
                changes.forEach((name, value) -> {
                    Element item = SafeDom.append(items, "item");
                    SafeDom.append(SafeDom.append(item, "apiproperty"), "propname", name);
                    item.appendChild(item.getOwnerDocument().importNode(value, true));
                });
            });
        }
        return new PushReport(notes);
    }

    @Override
    public Set<String> locked() {
        return Set.copyOf(locked);
    }

    @Override
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /**
     * The rule as the API's {@code <rulesettings>}, for display and tests.
     *
     * @param rule  the rule
     * @param notes receives what the API cannot hold of it
     * @return the XML text
     */
    public static String toXml(Rule rule, List<String> notes) {
        return SafeDom.write(settings(rule, null, notes));
    }

    private static Element settings(Rule rule, String id, List<String> notes) {
        Element settings = SafeDom.newDocument().createElementNS(null, "rulesettings");
        settings.getOwnerDocument().appendChild(settings);
        IceWarpRuleXml.write(settings, rule, id, notes);
        return settings;
    }

    private static Element stringValue(String s) {
        Element v = SafeDom.newDocument().createElementNS(null, "propertyval");
        v.getOwnerDocument().appendChild(v);
        IceWarpAccountXml.writeString(v, s);
        return v;
    }

    private List<ServerRule> serverRules() {
        skipped.clear();
        Element result = api.call("getrulesinfolist", p -> {
            SafeDom.append(p, "who", who);
            SafeDom.append(p, "offset", "0");
            SafeDom.append(p, "count", "0");
        });
        List<ServerRule> out = new ArrayList<>();
        for (Element info : SafeDom.children(SafeDom.child(result, "items"), "item")) {
            String id = SafeDom.trimmed(info, "ruleid");
            String title = SafeDom.text(info, "title");
            if (id == null || id.isEmpty()) {
                skipped.add(title + ": the server gave no rule id");
                continue;
            }
            Element settings = api.call("getrule", p -> {
                SafeDom.append(p, "who", who);
                SafeDom.append(p, "ruleid", id);
            });
            try {
                out.add(new ServerRule(id, title, IceWarpRuleXml.read(settings)));
            } catch (IllegalArgumentException | InvalidRuleException e) {
                skipped.add(title + ": " + e.getMessage());
                out.add(new ServerRule(id, title, null));
            }
        }
        return out;
    }

    private Map<String, Property> properties() {
        Element result = api.call("getaccountproperties", p -> {
            SafeDom.append(p, "accountemail", who);
            Element list = SafeDom.append(p, "accountpropertylist");
            SafeDom.append(list, "classname", "TPropertyStringList");
            Element val = SafeDom.append(list, "val");
            for (String n : IceWarpAccountXml.names()) {
                SafeDom.append(val, "item", n);
            }
        });
        Map<String, Property> out = new LinkedHashMap<>();
        for (Element item : SafeDom.children(SafeDom.child(result, "items"), "item")) {
            String name = SafeDom.trimmed(SafeDom.child(item, "apiproperty"), "propname");
            String right = SafeDom.trimmed(item, "propertyright");
            int r;
            try {
                r = right == null || right.isEmpty() ? 2 : Integer.parseInt(right);
            } catch (NumberFormatException e) {
                throw new IceWarpApiException("the IceWarp API at " + api.url() + " gave the right '" + right + "' for "
                        + name, "getaccountproperties", "");
            }
            if (name != null) {
                out.put(name.toLowerCase(Locale.ROOT), new Property(SafeDom.child(item, "propertyval"), r));
            }
        }
        locked.clear();
        if (!writable(out, IceWarpAccountXml.FORWARD_TO) || !writable(out, IceWarpAccountXml.NO_SPAM_FORWARD)) {
            locked.add(FORWARDING);
        }
        if (!writable(out, IceWarpAccountXml.RESPONDER)) {
            locked.add(RESPONDER);
        }
        return out;
    }

    private static boolean writable(Map<String, Property> props, String name) {
        Property p = props.get(name.toLowerCase(Locale.ROOT));
        return p == null || WRITABLE.contains(p.right());
    }

    private static Forwarding forwarding(Map<String, Property> props) {
        Property to = props.get(IceWarpAccountXml.FORWARD_TO);
        Property spam = props.get(IceWarpAccountXml.NO_SPAM_FORWARD);
        return IceWarpAccountXml.forwarding(to == null ? "" : IceWarpAccountXml.readString(to.value()),
                spam == null ? "0" : IceWarpAccountXml.readString(spam.value()));
    }

    private AutoResponder responder(Map<String, Property> props) {
        Property p = props.get(IceWarpAccountXml.RESPONDER.toLowerCase(Locale.ROOT));
        if (p == null || p.value() == null || SafeDom.children(p.value()).isEmpty()) {
            return AutoResponder.off();
        }
        try {
            return IceWarpAccountXml.readResponder(p.value());
        } catch (IllegalArgumentException | InvalidRuleException e) {
            throw new IceWarpApiException("the IceWarp API at " + api.url() + " gave an auto-responder IceSync cannot read: "
                    + e.getMessage(), "getaccountproperties", "");
        }
    }

    /** Forwarding as IceWarp can hold it: the copy is always kept. */
    private static boolean sameForwarding(Forwarding server, Forwarding wanted) {
        return server.to().equals(wanted.to()) && server.skipSpam() == wanted.skipSpam();
    }

    @Override
    public void close() {
        api.close();
    }
}
