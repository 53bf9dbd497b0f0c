package io.icesync.testkit;

import com.sun.net.httpserver.HttpHandler;
import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.testkit.internal.Await;
import io.icesync.testkit.internal.dns.DnsResponder;
import io.icesync.testkit.internal.http.HttpEndpoints;
import io.icesync.testkit.internal.imap.ImapServer;
import io.icesync.testkit.internal.net.Loops;
import io.icesync.testkit.internal.pop3.Pop3Server;
import io.icesync.testkit.internal.smtp.SmtpServer;
import io.icesync.testkit.internal.tls.TestCertificate;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An IceWarp-like server in the test's own process: IMAP (plain with STARTTLS, and implicit TLS),
 * POP3 and SMTP on loopback ports over one in-memory {@link MailServerModel}, and HTTP(S) where
 * capabilities mount their endpoints. Starts in milliseconds,
 * needs nothing installed, and several can run at once (each on its own free ports).
 *
 * <pre>{@code
 * try (IceWarpServer server = IceWarpServer.builder().account("jean@iwdemo.test", "secret").start()) {
 *     server.model().account("jean@iwdemo.test").mailbox("INBOX").append(message);
 *     Endpoint imap = server.imap();          // 127.0.0.1:<port>, PLAIN (STARTTLS offered)
 *     String pem = server.certificatePem();   // trust this for STARTTLS and SSL
 * }
 * }</pre>
 */
public final class IceWarpServer implements AutoCloseable {
    /** The capabilities a test may switch off to exercise a client's fallbacks. */
    public static final Set<String> OPTIONAL_CAPABILITIES = Set.of("IDLE", "NAMESPACE", "UIDPLUS", "MOVE", "UNSELECT",
            "CHILDREN", "CONDSTORE", "QRESYNC", "SPECIAL-USE", "LIST-EXTENDED", "LIST-STATUS", "ACL", "RIGHTS=texk",
            "METADATA", "NOTIFY", "X-ICEWARP-SERVER");

    private final String host;
    private final MailServerModel model;
    private final Faults faults = new Faults();
    private final TestCertificate certificate;
    private final Loops loops = new Loops();
    private final ImapServer imap;
    private final Pop3Server pop3;
    private final SmtpServer smtp;
    private final HttpEndpoints http;
    private final TestDns dnsZone = new TestDns();
    private final DnsResponder dns;
    private final TestSmartDiscover smartDiscover = new TestSmartDiscover(this);
    private final TestIceWarpApi icewarpApi = new TestIceWarpApi(this);
    private final TestFreeBusy freeBusy = new TestFreeBusy(this);
    private final TestWebDav webdav = new TestWebDav(this);
    private final List<String> connectorGreetings = new CopyOnWriteArrayList<>();
    private final List<SentMail> sent = new CopyOnWriteArrayList<>();

    private IceWarpServer(Builder b) {
        this.host = b.host;
        this.model = b.model;
        java.util.Set<String> domains = new java.util.TreeSet<>();
        model.accounts().forEach(a -> domains.add(a.domain()));
        java.util.List<String> names = new ArrayList<>();
        domains.forEach(d -> names.addAll(List.of(d, "*." + d)));
        this.certificate = TestCertificate.generate(b.host, names);
        SslContext tls;
        try {
            tls = SslContextBuilder.forServer(certificate.key(), certificate.certificate()).build();
        } catch (Exception e) {
            throw new IllegalStateException("could not set up TLS for the test server: " + e.getMessage(), e);
        }
        Map<String, String> serverMetadata = new ConcurrentHashMap<>();
        try {
            this.imap = new ImapServer(loops, b.host, b.imapPort, b.imapsPort, model, tls, Set.copyOf(b.disabled),
                    b.maxLiteral, faults, b.trace, connectorGreetings, serverMetadata);
            this.pop3 = new Pop3Server(loops, b.host, b.pop3Port, b.pop3sPort, model, tls, b.trace);
            this.smtp = new SmtpServer(loops, b.host, b.smtpPort, model, tls, sent, b.maxLiteral, b.trace);
        } catch (RuntimeException e) {
            loops.close();
            throw e;
        }
        try {
            this.http = new HttpEndpoints(b.host, serverSslContext(), b.httpPort, b.httpsPort);
        } catch (RuntimeException e) {
            loops.close();
            throw e;
        }
        try {
            this.dns = new DnsResponder(b.host, dnsZone.zone());
        } catch (RuntimeException e) {
            http.close();
            loops.close();
            throw e;
        }
        http.mount("/autodiscover/autodiscover.xml", smartDiscover::autodiscover);
        http.mount("/Autodiscover/Autodiscover.xml", smartDiscover::autodiscover);
        http.mount("/mail/config-v1.1.xml", smartDiscover::autoconfig);
        http.mount("/icewarpapi/", icewarpApi::handle);
        http.mount("/freebusy/", freeBusy::handle);
        http.mount(TestWebDav.PREFIX, webdav::handle);
        http.mount("/.well-known/autoconfig/mail/config-v1.1.xml", smartDiscover::autoconfig);
        domains.forEach(this::zoneFor);
    }

    /** {@return a builder for a server on 127.0.0.1 with free ports, every capability and an empty model} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a server with these accounts, each with IceWarp's default folders, on free ports.
     *
     * @param accountsAndPasswords address, password, address, password...
     * @return the running server; close it when done
     * @throws IllegalArgumentException when the arguments do not come in pairs
     */
    public static IceWarpServer start(String... accountsAndPasswords) {
        Builder b = builder();
        if (accountsAndPasswords.length % 2 != 0) {
            throw new IllegalArgumentException("give accounts as address, password pairs");
        }
        for (int i = 0; i < accountsAndPasswords.length; i += 2) {
            b.account(accountsAndPasswords[i], accountsAndPasswords[i + 1]);
        }
        return b.start();
    }

    /** {@return the accounts, folders and messages: seed them, change them behind the client's back, read them} */
    public MailServerModel model() {
        return model;
    }

    /**
     * Shortcut for {@code model().account(email)}.
     *
     * @param email the account's address
     * @return the account
     * @throws java.util.NoSuchElementException when the server has no such account
     */
    public TestAccount account(String email) {
        return model.account(email);
    }

    /** {@return the scripted faults of the IMAP server, shared by all its connections} */
    public Faults faults() {
        return faults;
    }

    /** {@return the IMAP endpoint without TLS (the client may still upgrade with STARTTLS)} */
    public Endpoint imap() {
        return new Endpoint(host, imap.plainPort(), Security.PLAIN);
    }

    /** {@return the same port as {@link #imap()}, to be used with STARTTLS} */
    public Endpoint imapStartTls() {
        return new Endpoint(host, imap.plainPort(), Security.STARTTLS);
    }

    /** {@return the IMAP endpoint over implicit TLS} */
    public Endpoint imaps() {
        return new Endpoint(host, imap.tlsPort(), Security.SSL);
    }

    /** {@return the POP3 endpoint on the INBOX of each account, without TLS (STLS offered)} */
    public Endpoint pop3() {
        return new Endpoint(host, pop3.plainPort(), Security.PLAIN);
    }

    /** {@return the POP3 endpoint over implicit TLS} */
    public Endpoint pop3s() {
        return new Endpoint(host, pop3.tlsPort(), Security.SSL);
    }

    /**
     * SMTP submission (STARTTLS; AUTH PLAIN, LOGIN, and XOAUTH2 and OAUTHBEARER with the tokens of
     * {@link MailServerModel#issueToken}; SIZE the {@code maxLiteral}); what it receives is in
     * {@link #sentMail()}. Recipients whose address starts with {@code reject} are refused (550), as on the
     * peer submission server.
     *
     * @return the SMTP submission endpoint, without TLS until STARTTLS
     */
    public Endpoint smtp() {
        return new Endpoint(host, smtp.port(), Security.PLAIN);
    }

    /**
     * Every message clients sent through SMTP, in order. Recipients that are accounts of the model
     * also find it in their INBOX.
     *
     * @return a copy of the messages received so far, oldest first
     */
    public List<SentMail> sentMail() {
        return List.copyOf(sent);
    }

    /** {@return the base of the server's HTTP endpoints, such as {@code http://127.0.0.1:40123/}} */
    public URI http() {
        return URI.create("http://" + uriHost() + ":" + http.httpPort() + "/");
    }

    /** {@return the base of the same endpoints over HTTPS, with the server's certificate} */
    public URI https() {
        return URI.create("https://" + uriHost() + ":" + http.httpsPort() + "/");
    }

    /**
     * Answers HTTP(S) requests under a path prefix (the longest mounted prefix wins; others get
     * 404). Capabilities mount theirs here (discovery, WebDAV, the XML API); tests may mount stubs.
     *
     * @param pathPrefix the start of the request paths to answer, such as {@code /stub/}
     * @param handler    answers the requests, on plain HTTP and HTTPS alike
     */
    public void mount(String pathPrefix, HttpHandler handler) {
        http.mount(pathPrefix, handler);
    }

    private String uriHost() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private SSLContext serverSslContext() {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            char[] pw = "testkit".toCharArray();
            ks.setKeyEntry("server", certificate.key(), pw, new java.security.cert.Certificate[] {certificate.certificate()});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf.getKeyManagers(), null, null);
            return c;
        } catch (Exception e) {
            throw new IllegalStateException("could not set up HTTPS for the test server: " + e.getMessage(), e);
        }
    }

    /**
     * The server's DNS zone. For each account domain D it starts with: A records of D,
     * {@code autodiscover.D}, {@code autoconfig.D} and {@code mail.D} (the server's address), {@code MX 10 mail.D}, and SRV
     * records {@code _autodiscover._tcp.D} (HTTPS port), {@code _imaps._tcp.D}, {@code _imap._tcp.D},
     * {@code _submission._tcp.D} and {@code _pop3s._tcp.D} (this server's ports).
     *
     * @return the live zone; records added to it are answered at once
     */
    public TestDns dnsZone() {
        return dnsZone;
    }

    /** {@return where the zone is answered (UDP): give it to a resolver under test} */
    public InetSocketAddress dns() {
        return dns.address();
    }

    /** {@return the SmartDiscover / autoconfig endpoints and their script} */
    public TestSmartDiscover smartDiscover() {
        return smartDiscover;
    }

    /**
     * The XML API at {@code /icewarpapi/} (rules, forwarding, auto-responder, property rights):
     * lock properties, seed values and rules, read what clients stored.
     *
     * @return the XML API's state and script
     */
    public TestIceWarpApi icewarpApi() {
        return icewarpApi;
    }

    /**
     * The free/busy endpoint at {@code /freebusy/?user@domain}, computed from the accounts' calendar
     * folders: fix its window, script answers, require a login, read the requests.
     *
     * @return the free/busy endpoint's state and script
     */
    public TestFreeBusy freeBusy() {
        return freeBusy;
    }

    /** {@return the account files over WebDAV at {@code /webdav/}: seed files, script faults, build SmartAttach mails} */
    public TestWebDav webdav() {
        return webdav;
    }

    /** {@return the WebDAV address on HTTPS, such as {@code https://127.0.0.1:40124/webdav/}} */
    public URI webdavUrl() {
        return https().resolve(TestWebDav.PREFIX);
    }

    /** {@return the XML API's address on HTTPS, such as {@code https://127.0.0.1:40124/icewarpapi/}} */
    public URI icewarpApiUrl() {
        return https().resolve("/icewarpapi/");
    }

    private void zoneFor(String d) {
        String ip = dns.address().getAddress().getHostAddress();
        dnsZone.a(d, ip).a("autodiscover." + d, ip).a("autoconfig." + d, ip).a("mail." + d, ip).mx(d, 10, "mail." + d)
                .srv("_autodiscover._tcp." + d, 0, 5, http.httpsPort(), "mail." + d)
                .srv("_imaps._tcp." + d, 0, 1, imap.tlsPort(), "mail." + d)
                .srv("_imap._tcp." + d, 0, 1, imap.plainPort(), "mail." + d)
                .srv("_submission._tcp." + d, 0, 1, smtp.port(), "mail." + d)
                .srv("_pop3s._tcp." + d, 0, 1, pop3.tlsPort(), "mail." + d);
    }

    /** {@return the server's self-signed certificate (made at start) in PEM form} */
    public String certificatePem() {
        return certificate.pem();
    }

    /**
     * {@return the server's self-signed certificate, made at start for the host and each account domain
     * (with its wildcard)}
     */
    public X509Certificate certificate() {
        return certificate.certificate();
    }

    /**
     * {@return a new TLS context that trusts this server and nothing else, for clients that take one}
     *
     * @throws IllegalStateException when the platform cannot build the context
     */
    public SSLContext clientSslContext() {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setCertificateEntry("icesync-test-server", certificate.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, tmf.getTrustManagers(), null);
            return c;
        } catch (Exception e) {
            throw new IllegalStateException("could not build a TLS context trusting the test server", e);
        }
    }

    /**
     * {@return the versions sent with {@code X-ICEWARP-SERVER iwconnector "<version>"}, one per greeting,
     * oldest first}
     */
    public List<String> connectorGreetings() {
        return Collections.unmodifiableList(new ArrayList<>(connectorGreetings));
    }

    /**
     * Waits until the account's folder holds at least {@code count} messages (a client's APPEND, mail
     * delivered through SMTP, a test's own), as GreenMail's {@code waitForIncomingEmail} does, and returns
     * every message the folder then holds. A folder that does not exist yet is waited for too.
     *
     * @param email   the account's address
     * @param folder  the folder's full name, such as {@code INBOX}
     * @param count   how many messages to wait for, at least 1
     * @param timeout how long to wait at most
     * @return every message of the folder, at least {@code count}
     * @throws MailNotArrivedError       when {@code timeout} passes first: it names the account, the folder,
     *                                   how many were wanted and how many came
     * @throws java.util.NoSuchElementException when the server has no such account
     * @throws IllegalArgumentException  when {@code count} is below 1 or the timeout negative
     */
    public List<TestMessage> waitForMail(String email, String folder, int count, Duration timeout) {
        TestAccount account = model.account(email);
        Objects.requireNonNull(folder, "folder");
        String what = "messages in " + account.email() + "/" + folder;
        // Each change of a folder wakes the wait at once; it also looks again every few milliseconds.
        Thread waiter = Thread.currentThread();
        AutoCloseable watching = model.watch(m -> java.util.concurrent.locks.LockSupport.unpark(waiter));
        try {
            return Await.atLeast(() -> account.find(folder).map(TestMailbox::messages).orElse(List.of()), count,
                    timeout, what);
        } finally {
            Await.close(watching);
        }
    }

    /**
     * Waits until the SMTP submission service has received at least {@code count} messages in all (see
     * {@link #sentMail()}) and returns them all, in order.
     *
     * @param count   how many messages to wait for, at least 1
     * @param timeout how long to wait at most
     * @return every message sent so far, at least {@code count}, oldest first
     * @throws MailNotArrivedError when {@code timeout} passes first, naming how many were wanted and came
     */
    public List<SentMail> waitForSentMail(int count, Duration timeout) {
        return Await.atLeast(this::sentMail, count, timeout, "messages sent through SMTP");
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        try {
            dns.close();
            http.close();
        } finally {
            loops.close();
        }
    }

    @Override
    public String toString() {
        return "IceWarpServer[imap " + imap.plainPort() + ", imaps " + imap.tlsPort() + ", pop3 " + pop3.plainPort()
                + ", smtp " + smtp.port() + "]";
    }

    /** How the server starts. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int imapPort;
        private int imapsPort;
        private MailServerModel model = new MailServerModel();
        private final Set<String> disabled = new HashSet<>();
        private int pop3Port;
        private int pop3sPort;
        private int smtpPort;
        private int httpPort;
        private int httpsPort;
        private long maxLiteral = 64L * 1024 * 1024;
        private Consumer<String> trace;

        private Builder() {
        }

        /**
         * Sets the loopback address to listen on (default 127.0.0.1).
         *
         * @param h the address, such as {@code ::1}; not null
         * @return this builder
         */
        public Builder host(String h) {
            this.host = Objects.requireNonNull(h, "host");
            return this;
        }

        /**
         * Sets fixed IMAP ports instead of free ones.
         *
         * @param imap  the plain (STARTTLS) port, 0 for any free port
         * @param imaps the implicit TLS port, 0 for any free port
         * @return this builder
         * @throws IllegalArgumentException when a port is outside 0..65535
         */
        public Builder ports(int imap, int imaps) {
            if (imap < 0 || imap > 65535 || imaps < 0 || imaps > 65535) {
                throw new IllegalArgumentException("ports must be 0..65535, got " + imap + " and " + imaps);
            }
            this.imapPort = imap;
            this.imapsPort = imaps;
            return this;
        }

        /**
         * Sets fixed POP3 ports.
         *
         * @param plain the plain (STLS) port, 0 for any free port
         * @param tls   the implicit TLS port, 0 for any free port
         * @return this builder
         * @throws IllegalArgumentException when a port is outside 0..65535
         */
        public Builder pop3Ports(int plain, int tls) {
            this.pop3Port = port("pop3", plain);
            this.pop3sPort = port("pop3s", tls);
            return this;
        }

        /**
         * Sets a fixed SMTP submission port.
         *
         * @param smtp the port, 0 for any free port
         * @return this builder
         * @throws IllegalArgumentException when the port is outside 0..65535
         */
        public Builder smtpPort(int smtp) {
            this.smtpPort = port("smtp", smtp);
            return this;
        }

        /**
         * Sets fixed HTTP and HTTPS ports for the web endpoints.
         *
         * @param http  the HTTP port, 0 for any free port
         * @param https the HTTPS port, 0 for any free port
         * @return this builder
         * @throws IllegalArgumentException when a port is outside 0..65535
         */
        public Builder httpPorts(int http, int https) {
            this.httpPort = port("http", http);
            this.httpsPort = port("https", https);
            return this;
        }

        private static int port(String service, int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("the " + service + " port must be 0..65535, got " + port);
            }
            return port;
        }

        /**
         * Serves this model (for instance one loaded from a fixture); by default a new empty one.
         * Accounts added with {@link #account} before this call go to the replaced model.
         *
         * @param m the model; not null
         * @return this builder
         */
        public Builder model(MailServerModel m) {
            this.model = Objects.requireNonNull(m, "model");
            return this;
        }

        /**
         * Adds an account with IceWarp's default folders to the model.
         *
         * @param email    the account's address
         * @param password its password for every protocol
         * @return this builder
         */
        public Builder account(String email, String password) {
            model.addAccount(email, password);
            return this;
        }

        /**
         * Stops advertising (and serving) an optional capability, to test a client's fallback path.
         * Switching off {@code CONDSTORE} switches off {@code QRESYNC} too.
         *
         * @param capability one of {@link IceWarpServer#OPTIONAL_CAPABILITIES}, in any case
         * @return this builder
         * @throws IllegalArgumentException when the capability is not optional
         */
        public Builder without(String capability) {
            String c = capability.toUpperCase(Locale.ROOT).replace("RIGHTS=TEXK", "RIGHTS=texk");
            if (!OPTIONAL_CAPABILITIES.contains(c)) {
                throw new IllegalArgumentException("'" + capability + "' is not an optional capability; these are: "
                        + new java.util.TreeSet<>(OPTIONAL_CAPABILITIES));
            }
            disabled.add(c);
            if (c.equals("CONDSTORE")) {
                disabled.add("QRESYNC"); // QRESYNC needs CONDSTORE
            }
            return this;
        }

        /**
         * Sets the largest literal (APPEND) or SMTP message accepted; a larger one is refused (NO [TOOBIG], 552).
         * The default is 64 MiB.
         *
         * @param bytes the limit in bytes, at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is below 1
         */
        public Builder maxLiteral(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxLiteral must be positive, got " + bytes);
            }
            this.maxLiteral = bytes;
            return this;
        }

        /**
         * Receives every protocol line ({@code C: } and {@code S: }), credentials masked.
         *
         * @param lines called with each line, from the servers' threads; null for no trace
         * @return this builder
         */
        public Builder trace(Consumer<String> lines) {
            this.trace = lines;
            return this;
        }

        /**
         * Starts the server: binds its ports, makes its certificate and fills its DNS zone.
         *
         * @return the running server; close it when done
         * @throws IllegalStateException when TLS cannot be set up
         */
        public IceWarpServer start() {
            return new IceWarpServer(this);
        }
    }

}
