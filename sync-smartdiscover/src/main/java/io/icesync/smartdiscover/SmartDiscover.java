package io.icesync.smartdiscover;

import static io.icesync.core.xml.SafeDom.ANY_NAMESPACE;

import io.icesync.core.Endpoint;
import io.icesync.core.ProxyChoice;
import io.icesync.core.Security;
import io.icesync.core.ServiceAccess;
import io.icesync.core.Timeouts;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.tls.CapturingTrust;
import io.icesync.core.tls.TransportErrors;
import io.icesync.core.xml.SafeDom;
import io.icesync.net.HttpClientFactory;
import io.icesync.smartdiscover.DiscoveryAttempt.Outcome;
import io.icesync.smartdiscover.internal.Candidates;
import io.icesync.smartdiscover.internal.Http;
import io.icesync.smartdiscover.internal.PoxResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.IDN;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import org.w3c.dom.Element;

/**
 * Finds an account's server settings from its e-mail address (F1): IceWarp SmartDiscover (Microsoft
 * Autodiscover, POX) at {@code https://autodiscover.DOMAIN/}, {@code https://DOMAIN/}, each MX host by
 * preference and the {@code _autodiscover._tcp} SRV target, in that order; then Thunderbird
 * autoconfig; then RFC 6186 SRV records. The first candidate in that order that answers wins.
 *
 * <p>Safety (F1.5): the password goes over HTTPS only, and only to hosts of the user's registrable
 * domain unless the consent callback allows another; {@code autodiscover.<public suffix>} is never
 * built; at most 2 address redirects and 10 requests in all; XML with DTDs or entities is refused.
 */
public final class SmartDiscover {
    private static final int MAX_ADDRESS_REDIRECTS = 2;
    private static final int MAX_REQUESTS = 10;
    private static final int MAX_BODY = 256 * 1024;

    private final Dns dns;
    private final List<X509Certificate> trusted;
    private final CertificateTrust trustList;
    private final int httpsPort;
    private final ServiceAccess access;
    private final HttpClientFactory httpClients;
    private final Predicate<URI> consent;

    private SmartDiscover(Builder b) {
        this.dns = b.dns;
        this.trusted = List.copyOf(b.trusted);
        this.trustList = b.trustList;
        this.httpsPort = b.httpsPort;
        this.access = ServiceAccess.builder().timeouts(b.timeouts).proxy(b.proxy).build();
        this.httpClients = b.httpClients;
        this.consent = b.consent;
    }

    /** {@return a builder with the defaults: the system's DNS, port 443, 10 s timeouts, no proxy, no consent} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs discovery; never throws for what a server or the network does: the trail says it.
     *
     * @param email    the address whose settings are looked for
     * @param password its password, sent only over HTTPS to hosts the safety rules allow; not kept
     * @return the settings found, if any, and every candidate tried
     */
    public DiscoveryResult discover(String email, char[] password) {
        String domain = domainOf(email);
        Run run = new Run(email, password);
        try (Http http = new Http(dns, run.sslContext(), httpsPort, access, httpClients, MAX_BODY)) {
            run.http = http;
            String address = email;
            for (int redirects = 0; ; redirects++) {
                String next = run.autodiscover(address, domainOf(address));
                if (run.found != null) {
                    return run.result();
                }
                if (next == null) {
                    break;
                }
                if (redirects + 1 > MAX_ADDRESS_REDIRECTS) {
                    run.attempt("redirect to " + next, Outcome.REFUSED_BY_POLICY, "more than " + MAX_ADDRESS_REDIRECTS
                            + " address redirects");
                    break;
                }
                address = next;
            }
            run.autoconfig(domain);
            if (run.found == null) {
                run.srv(domain);
            }
            return run.result();
        } catch (IOException e) {
            return run.result(); // closing the HTTP client failed: the result stands
        }
    }

    /**
     * An Autodiscover (POX) answer body read as {@link #discover} reads it for {@code email}: the
     * settings it offers (null when none), or the redirect or error it is; a malformed body is an IOException.
     */
    Object readAutodiscover(String email, byte[] body) throws IOException {
        PoxResponse r = PoxResponse.parse(body);
        return r instanceof PoxResponse.Settings s ? new Run(email, new char[0]).settings(s.protocols(), "answer") : r;
    }

    /** An autoconfig file read as {@link #discover} reads it: its settings, or null; malformed XML is an IOException. */
    DiscoveredSettings readAutoconfig(String email, byte[] body) throws IOException {
        return new Run(email, new char[0]).autoconfigSettings(SafeDom.parse(body).getDocumentElement(), "answer");
    }

    static String domainOf(String email) {
        Objects.requireNonNull(email, "email");
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.contains(" ")) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
        }
        try {
            return IDN.toASCII(email.substring(at + 1), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the domain of '" + email + "' is not valid: " + e.getMessage(), e);
        }
    }

    /** One discovery: its trail, its request budget, its consent decisions. */
    private final class Run {
        final String email;
        final char[] password;
        final String userRoot;
        final List<DiscoveryAttempt> trail = new ArrayList<>();
        final Map<String, Boolean> consented = new HashMap<>();
        final CapturingTrust trust;
        Http http;
        DiscoveredSettings found;
        int requests;

        Run(String email, char[] password) {
            this.email = email;
            this.password = password;
            this.userRoot = Candidates.registrable(domainOf(email));
            try {
                List<X509Certificate> all = new ArrayList<>(trusted);
                if (trustList != null) {
                    all.addAll(trustList.accepted());
                }
                this.trust = new CapturingTrust(all);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot set up certificate checks: " + e.getMessage(), e);
            }
        }

        SSLContext sslContext() {
            try {
                SSLContext c = SSLContext.getInstance("TLS");
                c.init(null, new TrustManager[] {trust}, null);
                return c;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
            }
        }

        DiscoveryResult result() {
            return new DiscoveryResult(email, found, trail);
        }

        void attempt(String candidate, Outcome o, String detail) {
            trail.add(new DiscoveryAttempt(candidate, o, detail));
        }

        /** Tries the Autodiscover candidates for one address; returns a redirect address, or null. */
        String autodiscover(String address, String domain) {
            if (Candidates.registrable(domain) == null) {
                attempt("autodiscover." + domain, Outcome.REFUSED_BY_POLICY, domain + " is a public suffix");
                return null;
            }
            Set<URI> tried = new LinkedHashSet<>();
            for (URI u : List.of(Candidates.autodiscover("autodiscover." + domain, 0), Candidates.autodiscover(domain, 0))) {
                String next = pox(u, address, tried);
                if (found != null || next != null) {
                    return next;
                }
            }
            List<URI> later = new ArrayList<>();
            try {
                dns.mx(domain).forEach(h -> later.add(Candidates.autodiscover(h, 0)));
            } catch (DnsException e) {
                attempt("MX " + domain, e.kind() == DnsException.Kind.TIMEOUT ? Outcome.TIMEOUT : Outcome.DNS, e.getMessage());
            }
            try {
                dns.srv("_autodiscover._tcp." + domain).forEach(s -> later.add(Candidates.autodiscover(s.host(), s.port())));
            } catch (DnsException e) {
                attempt("SRV _autodiscover._tcp." + domain, e.kind() == DnsException.Kind.TIMEOUT ? Outcome.TIMEOUT
                        : Outcome.DNS, e.getMessage());
            }
            for (URI u : later) {
                String next = pox(u, address, tried);
                if (found != null || next != null) {
                    return next;
                }
            }
            return null;
        }

        /** One Autodiscover candidate, following URL redirects within the budget. */
        String pox(URI start, String address, Set<URI> tried) {
            URI uri = start;
            while (true) {
                if (!tried.add(uri)) {
                    return null;
                }
                if (!allowed(uri)) {
                    return null;
                }
                if (++requests > MAX_REQUESTS) {
                    attempt(uri.toString(), Outcome.REFUSED_BY_POLICY, "more than " + MAX_REQUESTS + " requests");
                    return null;
                }
                Http.Reply reply;
                try {
                    reply = http.post(uri, Candidates.poxRequest(address), email, password);
                } catch (IOException | RuntimeException e) {
                    failed(uri.toString(), e);
                    return null;
                }
                int st = reply.status();
                if (st >= 300 && st < 400 && reply.location() != null) {
                    URI next;
                    try {
                        next = uri.resolve(reply.location());
                    } catch (IllegalArgumentException e) {
                        attempt(uri.toString(), Outcome.HTTP_STATUS, st + " to a malformed location");
                        return null;
                    }
                    attempt(uri.toString(), Outcome.REDIRECTED, "HTTP " + st + " to " + next);
                    uri = next;
                    continue;
                }
                if (st != 200) {
                    attempt(uri.toString(), Outcome.HTTP_STATUS, "HTTP " + st + (st == 401 ? ": the password was refused" : ""));
                    return null;
                }
                if (reply.truncated()) {
                    attempt(uri.toString(), Outcome.XML, "the answer is larger than " + MAX_BODY + " bytes");
                    return null;
                }
                PoxResponse r;
                try {
                    r = PoxResponse.parse(reply.body());
                } catch (IOException | RuntimeException e) {
                    attempt(uri.toString(), Outcome.XML, String.valueOf(e.getMessage()).split("\n")[0]);
                    return null;
                }
                if (r instanceof PoxResponse.RedirectUrl ru) {
                    URI next;
                    try {
                        next = URI.create(ru.url().trim());
                    } catch (IllegalArgumentException e) {
                        attempt(uri.toString(), Outcome.XML, "RedirectUrl is not a URL: " + ru.url());
                        return null;
                    }
                    attempt(uri.toString(), Outcome.REDIRECTED, "redirectUrl " + next);
                    uri = next;
                    continue;
                }
                if (r instanceof PoxResponse.RedirectAddr ra) {
                    try {
                        domainOf(ra.address());
                    } catch (IllegalArgumentException e) {
                        attempt(uri.toString(), Outcome.XML, "RedirectAddr is not an address: " + ra.address());
                        return null;
                    }
                    attempt(uri.toString(), Outcome.REDIRECTED, "redirectAddr " + ra.address());
                    return ra.address();
                }
                if (r instanceof PoxResponse.Error err) {
                    attempt(uri.toString(), Outcome.SERVER_ERROR, err.code() + (err.message() == null ? "" : " " + err.message()));
                    return null;
                }
                DiscoveredSettings s = settings(((PoxResponse.Settings) r).protocols(), uri.toString());
                if (s == null) {
                    attempt(uri.toString(), Outcome.NO_SETTINGS, "no IMAP, POP3 or SMTP entry");
                    return null;
                }
                attempt(uri.toString(), Outcome.FOUND, "");
                found = s;
                return null;
            }
        }

        /** HTTPS, and the user's own registrable domain unless the caller consents (asked once per host). */
        boolean allowed(URI uri) {
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                attempt(uri.toString(), Outcome.REFUSED_BY_POLICY, "credentials go over HTTPS only");
                return false;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            String root = Candidates.registrable(host);
            if (root != null && root.equals(userRoot)) {
                return true;
            }
            boolean ok = consented.computeIfAbsent(host, h -> consent.test(uri));
            if (!ok) {
                attempt(uri.toString(), Outcome.REFUSED_BY_POLICY, host + " is outside " + userRoot
                        + " and the password may not go there without consent");
            }
            return ok;
        }

        void failed(String candidate, Exception e) {
            Throwable c = e;
            while (c.getCause() != null && !(c instanceof SSLException) && !(c instanceof UnknownHostException)
                    && !(c instanceof ConnectException) && !(c instanceof SocketTimeoutException)) {
                c = c.getCause();
            }
            if (c instanceof UnknownHostException u) {
                boolean timeout = u.getCause() instanceof DnsException d && d.kind() == DnsException.Kind.TIMEOUT;
                attempt(candidate, timeout ? Outcome.TIMEOUT : Outcome.DNS, u.getMessage());
            } else if (c instanceof ConnectException) {
                attempt(candidate, Outcome.REFUSED, c.getMessage());
            } else if (c instanceof SocketTimeoutException || c.getClass().getSimpleName().contains("Timeout")) {
                attempt(candidate, Outcome.TIMEOUT, c.getMessage());
            } else if (c instanceof SSLException) {
                List<X509Certificate> chain = trust.lastChain();
                attempt(candidate, Outcome.TLS, chain.isEmpty() ? c.getMessage() : "untrusted certificate "
                        + chain.get(0).getSubjectX500Principal().getName() + " SHA-256 " + CertificateTrust.sha256(chain.get(0)));
            } else if (brokenAnswer(e)) {
                attempt(candidate, Outcome.BROKEN_ANSWER, TransportErrors.rootMessage(e));
            } else {
                attempt(candidate, Outcome.REFUSED, e.toString());
            }
        }

        /** A server that was reached and then broke off, or answered something that is not HTTP: not "nothing listens". */
        private boolean brokenAnswer(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.apache.hc.core5.http.NoHttpResponseException
                        || t instanceof org.apache.hc.core5.http.ConnectionClosedException
                        || t instanceof org.apache.hc.core5.http.MalformedChunkCodingException
                        || t instanceof org.apache.hc.core5.http.ProtocolException
                        || t instanceof org.apache.hc.core5.http.ParseException
                        || t instanceof java.net.SocketException && !(t instanceof ConnectException)) {
                    return true;
                }
            }
            return false;
        }

        /** Thunderbird autoconfig on the user's domain (no credentials sent). */
        void autoconfig(String domain) {
            String q = "?emailaddress=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
            for (String u : List.of("https://autoconfig." + domain + "/mail/config-v1.1.xml" + q,
                    "https://" + domain + "/.well-known/autoconfig/mail/config-v1.1.xml" + q)) {
                if (found != null || ++requests > MAX_REQUESTS + 4) {
                    return;
                }
                Http.Reply reply;
                try {
                    reply = http.get(URI.create(u));
                } catch (IOException | RuntimeException e) {
                    failed(u, e);
                    continue;
                }
                if (reply.status() != 200) {
                    attempt(u, Outcome.HTTP_STATUS, "HTTP " + reply.status());
                    continue;
                }
                try {
                    DiscoveredSettings s = autoconfigSettings(SafeDom.parse(reply.body()).getDocumentElement(), u);
                    if (s == null) {
                        attempt(u, Outcome.NO_SETTINGS, "no IMAP, POP3 or SMTP server in the file");
                    } else {
                        attempt(u, Outcome.FOUND, "");
                        found = s;
                    }
                } catch (IOException | RuntimeException e) {
                    attempt(u, Outcome.XML, String.valueOf(e.getMessage()).split("\n")[0]);
                }
            }
        }

        /** A clientConfig file's settings; elements are matched by local name, the format having no namespace. */
        DiscoveredSettings autoconfigSettings(Element root, String source) {
            Element provider = SafeDom.child(root, ANY_NAMESPACE, "emailProvider");
            if (provider == null) {
                return null;
            }
            Endpoints found = new Endpoints();
            for (String kind : List.of("incomingServer", "outgoingServer")) {
                for (Element s : SafeDom.children(provider, ANY_NAMESPACE, kind)) {
                    String type = s.hasAttribute("type") ? s.getAttribute("type").trim()
                            : SafeDom.trimmed(s, ANY_NAMESPACE, "type");
                    found.offer(type, autoconfigEndpoint(s), login(SafeDom.trimmed(s, ANY_NAMESPACE, "username")));
                }
            }
            return found.empty() ? null : found.settings(null, null, List.of(), source);
        }

        Endpoint autoconfigEndpoint(Element s) {
            String host = SafeDom.trimmed(s, ANY_NAMESPACE, "hostname");
            String port = SafeDom.trimmed(s, ANY_NAMESPACE, "port");
            String socket = SafeDom.trimmed(s, ANY_NAMESPACE, "socketType");
            if (host == null || port == null) {
                return null;
            }
            try {
                int p = Integer.parseInt(port);
                Security sec = socket == null ? Candidates.byPort(p) : switch (socket.toUpperCase(Locale.ROOT)) {
                    case "SSL" -> Security.SSL;
                    case "STARTTLS" -> Security.STARTTLS;
                    case "PLAIN" -> Security.PLAIN;
                    default -> Candidates.byPort(p);
                };
                return new Endpoint(host, p, sec);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        String login(String template) {
            if (template == null || template.isBlank()) {
                return email;
            }
            int at = email.lastIndexOf('@');
            return template.replace("%EMAILADDRESS%", email).replace("%EMAILLOCALPART%", email.substring(0, at))
                    .replace("%EMAILDOMAIN%", email.substring(at + 1));
        }

        /** RFC 6186 (and 8314) SRV records: the last resort before manual settings. */
        void srv(String domain) {
            Endpoint imap = srvEndpoint("_imaps._tcp." + domain, Security.SSL);
            if (imap == null) {
                imap = srvEndpoint("_imap._tcp." + domain, Security.STARTTLS);
            }
            Endpoint smtp = srvEndpoint("_submissions._tcp." + domain, Security.SSL);
            if (smtp == null) {
                smtp = srvEndpoint("_submission._tcp." + domain, Security.STARTTLS);
            }
            Endpoint pop3 = srvEndpoint("_pop3s._tcp." + domain, Security.SSL);
            if (imap == null && pop3 == null) {
                attempt("SRV (RFC 6186) " + domain, Outcome.NO_SETTINGS, "no _imaps, _imap or _pop3s record");
                return;
            }
            attempt("SRV (RFC 6186) " + domain, Outcome.FOUND, "");
            found = new DiscoveredSettings(imap, imap == null ? null : email, pop3, pop3 == null ? null : email, smtp,
                    smtp == null ? null : email, null, null, List.of(), "DNS SRV records of " + domain);
        }

        Endpoint srvEndpoint(String name, Security security) {
            try {
                List<Dns.Srv> s = dns.srv(name);
                return s.isEmpty() ? null : new Endpoint(s.get(0).host(), s.get(0).port(), security);
            } catch (DnsException e) {
                attempt("SRV " + name, e.kind() == DnsException.Kind.TIMEOUT ? Outcome.TIMEOUT : Outcome.DNS, e.getMessage());
                return null;
            }
        }

        DiscoveredSettings settings(List<Map<String, String>> protocols, String source) {
            Endpoints found = new Endpoints();
            URI web = null;
            URI webdav = null;
            List<Map<String, String>> other = new ArrayList<>();
            for (Map<String, String> p : protocols) {
                String type = p.getOrDefault("Type", "").toUpperCase(Locale.ROOT);
                int defaultPort = switch (type) {
                    case "IMAP" -> 993;
                    case "POP3" -> 995;
                    default -> 587;
                };
                switch (type) {
                    case "IMAP", "POP3", "SMTP" -> found.offer(type, Candidates.endpoint(p, defaultPort),
                            p.getOrDefault("LoginName", email));
                    case "WEB" -> web = web != null ? web : Candidates.url(p);
                    case "WEBDAV" -> webdav = webdav != null ? webdav : Candidates.url(p);
                    default -> other.add(p);
                }
            }
            return found.empty() ? null : found.settings(web, webdav, other, source);
        }
    }

    /** The first usable IMAP, POP3 and SMTP endpoint offered, each with its login. */
    private static final class Endpoints {
        Endpoint imap;
        Endpoint pop3;
        Endpoint smtp;
        String imapLogin;
        String pop3Login;
        String smtpLogin;

        void offer(String type, Endpoint e, String login) {
            if (e == null || type == null) {
                return;
            }
            switch (type.toUpperCase(Locale.ROOT)) {
                case "IMAP" -> {
                    if (imap == null) {
                        imap = e;
                        imapLogin = login;
                    }
                }
                case "POP3" -> {
                    if (pop3 == null) {
                        pop3 = e;
                        pop3Login = login;
                    }
                }
                case "SMTP" -> {
                    if (smtp == null) {
                        smtp = e;
                        smtpLogin = login;
                    }
                }
                default -> { }
            }
        }

        boolean empty() {
            return imap == null && pop3 == null && smtp == null;
        }

        DiscoveredSettings settings(URI web, URI webdav, List<Map<String, String>> other, String source) {
            return new DiscoveredSettings(imap, imapLogin, pop3, pop3Login, smtp, smtpLogin, web, webdav, other, source);
        }
    }

    /** How discovery runs. */
    public static final class Builder {
        private Dns dns = Dns.system();
        private final List<X509Certificate> trusted = new ArrayList<>();
        private CertificateTrust trustList;
        private int httpsPort = 443;
        private Timeouts timeouts = Timeouts.of(Duration.ofSeconds(10));
        private ProxyChoice proxy = ProxyChoice.none();
        private HttpClientFactory httpClients = HttpClientFactory.standard();
        private Predicate<URI> consent = uri -> false;

        private Builder() {
        }

        /**
         * Where names are looked up (default: the system's DNS servers).
         *
         * @param d the resolver
         * @return this builder
         */
        public Builder dns(Dns d) {
            this.dns = Objects.requireNonNull(d, "dns");
            return this;
        }

        /**
         * Certificates trusted beyond the system's CAs (ones the user accepted, F2.3).
         *
         * @param certs the certificates, added to those given before
         * @return this builder
         */
        public Builder trust(X509Certificate... certs) {
            trusted.addAll(List.of(certs));
            return this;
        }

        /**
         * The port of https URLs that name none (default 443; a test server's port in tests).
         *
         * @param port 1..65535
         * @return this builder
         * @throws IllegalArgumentException when {@code port} is outside 1..65535
         */
        public Builder httpsPort(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is outside 1..65535");
            }
            this.httpsPort = port;
            return this;
        }

        /**
         * The certificates the user accepted (a profile's list), read when discovery runs.
         *
         * @param list the profile's accepted certificates
         * @return this builder
         */
        public Builder trust(CertificateTrust list) {
            this.trustList = Objects.requireNonNull(list, "list");
            return this;
        }

        /**
         * Per connection and per read (default 10 s).
         *
         * @param t a positive duration
         * @return this builder
         * @throws IllegalArgumentException when {@code t} is zero or negative
         */
        public Builder timeout(Duration t) {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + t);
            }
            this.timeouts = Timeouts.of(t);
            return this;
        }

        /**
         * Connect, read and idle timeouts (default connect 10 s, read 10 s, idle 60 s).
         *
         * @param t the timeouts
         * @return this builder
         */
        public Builder timeouts(Timeouts t) {
            this.timeouts = Objects.requireNonNull(t, "timeouts");
            return this;
        }

        /**
         * The proxy of the HTTPS requests (default {@link ProxyChoice#none()}).
         *
         * @param p the proxy choice
         * @return this builder
         */
        public Builder proxy(ProxyChoice p) {
            this.proxy = Objects.requireNonNull(p, "proxy");
            return this;
        }

        /**
         * Makes the HTTP client (default {@link HttpClientFactory#standard()}). A client of the application's
         * own ({@link HttpClientFactory#of}) resolves names its own way, not through {@link #dns}.
         *
         * @param factory makes the client of each discovery
         * @return this builder
         */
        public Builder httpClients(HttpClientFactory factory) {
            this.httpClients = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Asked before the password goes to a host outside the user's registrable domain (a redirect,
         * an MX or SRV target elsewhere); true allows it. By default nothing outside is allowed.
         *
         * @param c answers for each URL outside the domain
         * @return this builder
         */
        public Builder consent(Predicate<URI> c) {
            this.consent = Objects.requireNonNull(c, "consent");
            return this;
        }

        /** {@return a discovery with this builder's settings} */
        public SmartDiscover build() {
            return new SmartDiscover(this);
        }
    }
}
