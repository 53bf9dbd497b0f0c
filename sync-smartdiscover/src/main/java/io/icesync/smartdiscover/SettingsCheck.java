package io.icesync.smartdiscover;

import io.icesync.core.Endpoint;
import io.icesync.core.ProxyChoice;
import io.icesync.core.Security;
import io.icesync.core.ServiceAccess;
import io.icesync.core.Timeouts;
import io.icesync.core.proxy.MailProxy;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.tls.CapturingTrust;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import jakarta.mail.Session;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * "Verify settings" (F1.4): connects to an IMAP, POP3 or SMTP endpoint the way a sync would (TLS as
 * asked, certificates checked, then login, through the proxy of its {@link ServiceAccess}) and says
 * precisely how it went. Never throws for what the server or the network does; the password appears
 * in no verdict.
 */
public final class SettingsCheck {
    /** The protocol of the endpoint to check. */
    public enum Protocol {
        /** IMAP: greeting, capabilities, login. */
        IMAP,
        /** POP3: greeting, capabilities, login. */
        POP3,
        /** SMTP submission: greeting, EHLO, authentication. */
        SMTP
    }

    private final CertificateTrust trusted;
    private final Timeouts timeouts;
    private final ProxyChoice proxy;

    /**
     * Checks the way a sync with this access would connect: its trust (the system's CAs and the
     * certificates accepted), its connect and read timeouts (the read one also bounds each write) and
     * its proxy. The access's endpoint and login are not used: {@link #check} names them.
     *
     * @param access trust, timeouts and proxy to check with
     */
    public SettingsCheck(ServiceAccess access) {
        java.util.Objects.requireNonNull(access, "access");
        this.trusted = access.trust();
        this.timeouts = access.timeouts();
        this.proxy = access.proxy();
    }

    /**
     * Checks trusting the system's CAs and these certificates, each step bounded by {@code timeout}.
     *
     * @param trusted certificates the user accepted, beyond the system's CAs
     * @param timeout bound of each step (connect, read)
     */
    public SettingsCheck(Collection<X509Certificate> trusted, Duration timeout) {
        this(CertificateTrust.inMemory(trusted.toArray(new X509Certificate[0])), timeout);
    }

    /**
     * Checks trusting the system's CAs and a profile's accepted certificates, each step bounded by {@code timeout}.
     *
     * @param trusted the profile's accepted certificates, read at each check
     * @param timeout bound of each step (connect, read)
     */
    public SettingsCheck(CertificateTrust trusted, Duration timeout) {
        this(ServiceAccess.builder().trust(java.util.Objects.requireNonNull(trusted, "trusted")).timeout(timeout).build());
    }

    /** Checks trusting the system's CAs only, each step bounded by 15 s. */
    public SettingsCheck() {
        this(List.of(), Duration.ofSeconds(15));
    }

    /**
     * Connects to {@code endpoint}, sets up TLS as it says, and logs in. Never throws for what the server or
     * the network does; the password appears in no verdict.
     *
     * @param protocol which protocol the endpoint speaks
     * @param endpoint host, port and security to check
     * @param login    the login name
     * @param password the password, not kept
     * @return how the check ended
     */
    public Verdict check(Protocol protocol, Endpoint endpoint, String login, char[] password) {
        CapturingTrust trust;
        try {
            trust = new CapturingTrust(trusted.accepted());
        } catch (GeneralSecurityException e) {
            return new Verdict(Verdict.Kind.TLS_HANDSHAKE, "cannot set up certificate checks: " + e.getMessage(), null,
                    null, null);
        }
        String name = switch (protocol) {
            case IMAP -> endpoint.security() == Security.SSL ? "imaps" : "imap";
            case POP3 -> endpoint.security() == Security.SSL ? "pop3s" : "pop3";
            case SMTP -> endpoint.security() == Security.SSL ? "smtps" : "smtp";
        };
        Properties p = new Properties();
        String read = String.valueOf(timeouts.read().toMillis());
        p.put("mail." + name + ".connectiontimeout", String.valueOf(timeouts.connect().toMillis()));
        p.put("mail." + name + ".timeout", read);
        p.put("mail." + name + ".writetimeout", read);
        MailProxy route = MailProxy.of(proxy, endpoint.host(), endpoint.port());
        route.applyTo(p, name);
        if (protocol == Protocol.SMTP) {
            p.put("mail.smtp.auth", "true");
            p.put("mail.smtps.auth", "true");
        }
        try {
            if (endpoint.security() == Security.SSL) {
                p.put("mail." + name + ".ssl.enable", "true");
                p.put("mail." + name + ".ssl.socketFactory.fallback", "false");
                p.put("mail." + name + ".socketFactory.fallback", "false");
                p.put("mail." + name + ".ssl.socketFactory", trust.socketFactory());
                p.put("mail." + name + ".ssl.checkserveridentity", "true");
            } else if (endpoint.security() == Security.STARTTLS) {
                p.put("mail." + name + ".starttls.enable", "true");
                p.put("mail." + name + ".starttls.required", "true");
                p.put("mail." + name + ".ssl.socketFactory.fallback", "false");
                p.put("mail." + name + ".socketFactory.fallback", "false");
                p.put("mail." + name + ".ssl.socketFactory", trust.socketFactory());
                p.put("mail." + name + ".ssl.checkserveridentity", "true");
            }
        } catch (GeneralSecurityException e) {
            return new Verdict(Verdict.Kind.TLS_HANDSHAKE, "cannot set up TLS: " + e.getMessage(), null, null, null);
        }
        Session session = Session.getInstance(p);
        String where = protocol + " " + endpoint;
        Service service = null;
        try {
            service = protocol == Protocol.SMTP ? session.getTransport(name) : session.getStore(name);
            service.connect(endpoint.host(), endpoint.port(), login, new String(password));
            Set<String> caps = new TreeSet<>();
            if (service instanceof IMAPStore imap) {
                for (String c : List.of("IMAP4REV1", "IDLE", "CONDSTORE", "QRESYNC", "UIDPLUS", "MOVE", "METADATA",
                        "ACL", "SPECIAL-USE", "X-ICEWARP-SERVER", "NAMESPACE", "LIST-STATUS", "ENABLE")) {
                    if (imap.hasCapability(c)) {
                        caps.add(c);
                    }
                }
            }
            return new Verdict(Verdict.Kind.OK, where + ": connected and logged in as " + login, caps, null, null);
        } catch (AuthenticationFailedException e) {
            if (endpoint.security() == Security.STARTTLS && trust.lastChain().isEmpty()) {
                // Angus reports a NO to STARTTLS as a refused login; no certificate was seen, so nothing was sent.
                return new Verdict(Verdict.Kind.TLS_HANDSHAKE, where + ": the server refused STARTTLS"
                        + paren(clean(e.getMessage(), password)) + "; try implicit TLS (--security ssl)", null, null, null);
            }
            return new Verdict(Verdict.Kind.AUTH_REJECTED, where + ": the server refused the login of " + login
                    + paren(clean(e.getMessage(), password)), null, null, null);
        } catch (MessagingException e) {
            io.icesync.core.ConnectionException viaProxy = route.failure(where, e);
            if (viaProxy != null) {
                return new Verdict(Verdict.Kind.REFUSED, clean(viaProxy.getMessage(), password), null, null, null);
            }
            return classify(where, e, trust, password);
        } catch (RuntimeException e) {
            return new Verdict(Verdict.Kind.PROTOCOL, where + ": " + clean(e.toString(), password), null, null, null);
        } finally {
            if (service != null) {
                try {
                    service.close();
                } catch (MessagingException e) {
                    // the check is over
                }
            }
        }
    }

    private static Verdict classify(String where, MessagingException e, CapturingTrust trust, char[] password) {
        Throwable c = e;
        while (c != null) {
            if (c instanceof UnknownHostException) {
                return new Verdict(Verdict.Kind.DNS, where + ": the host name does not resolve", null, null, null);
            }
            if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
                return new Verdict(Verdict.Kind.REFUSED, where + ": nothing accepts connections there (" + c.getMessage()
                        + ")", null, null, null);
            }
            if (c instanceof SocketTimeoutException || c instanceof InterruptedIOException) {
                return new Verdict(Verdict.Kind.TIMEOUT, where + ": no answer in time", null, null, null);
            }
            if (c instanceof SSLHandshakeException || c instanceof SSLException) {
                List<X509Certificate> chain = trust.lastChain();
                String mismatch = io.icesync.core.tls.TransportErrors.hostMismatch(c);
                if (mismatch != null) {
                    // Trusting the certificate would not help: it names other hosts.
                    return new Verdict(Verdict.Kind.TLS_HANDSHAKE, where + ": the certificate is made out for other names ("
                            + mismatch + "): connect with a name it holds", null, chain, null);
                }
                if (!chain.isEmpty() && isTrustFailure(c)) {
                    String fp = CertificateTrust.sha256(chain.get(0));
                    return new Verdict(Verdict.Kind.UNTRUSTED_CERTIFICATE, where + ": the certificate of "
                            + chain.get(0).getSubjectX500Principal().getName() + " is not trusted (SHA-256 " + fp + ")",
                            null, chain, fp);
                }
                return new Verdict(Verdict.Kind.TLS_HANDSHAKE, where + ": TLS failed: " + c.getMessage(), null, chain, null);
            }
            c = c.getCause();
        }
        String msg = clean(e.getMessage(), password);
        if (msg.toLowerCase(Locale.ROOT).contains("starttls")) {
            return new Verdict(Verdict.Kind.TLS_HANDSHAKE, where + ": the server does not offer STARTTLS" + paren(msg),
                    null, null, null);
        }
        return new Verdict(Verdict.Kind.PROTOCOL, where + ": " + msg, null, null, null);
    }

    private static boolean isTrustFailure(Throwable c) {
        for (Throwable x = c; x != null; x = x.getCause()) {
            if (x instanceof java.security.cert.CertificateException
                    || String.valueOf(x.getMessage()).contains("PKIX")) {
                return true;
            }
        }
        return false;
    }

    /** A server's or library's message, with the password masked should it ever appear in it. */
    private static String clean(String message, char[] password) {
        String m = message == null ? "" : message.trim();
        return password.length > 0 ? m.replace(new String(password), "***") : m;
    }

    private static String paren(String s) {
        return s.isEmpty() ? "" : " (" + s + ")";
    }
}
