package io.icesync.groupware.mdn;

import io.icesync.core.AccessBuilder;
import io.icesync.core.AuthenticationException;
import io.icesync.core.ConnectionException;
import io.icesync.core.Endpoint;
import io.icesync.core.IceSyncException;
import io.icesync.core.ProtocolException;
import io.icesync.core.Security;
import io.icesync.core.ServiceAccess;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.proxy.MailProxy;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.tls.CapturingTrust;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends read receipts over SMTP with Angus Mail: plain, STARTTLS (required once asked for) or
 * implicit TLS as the {@link Endpoint} says, with optional credentials, the server's name checked and
 * its certificate checked against the system's CAs plus the user's {@link CertificateTrust}. The
 * envelope sender is the null path {@code <>}, as RFC 8098 requires of a receipt, so that nothing
 * bounces back to it.
 */
public final class ReceiptSender {
    private final Endpoint endpoint;
    private final ServiceAccess access;
    private final String user;

    private ReceiptSender(Builder b) {
        this.endpoint = b.endpoint;
        this.access = b.serviceAccess();
        this.user = access.user();
    }

    public static Builder builder(Endpoint smtp) {
        return new Builder(smtp);
    }

    /** A session for building messages; sending opens its own. */
    Session session() {
        return Session.getInstance(new Properties());
    }

    /**
     * Sends the message to these recipients. Errors: {@link AuthenticationException},
     * {@link UntrustedCertificateException} (with the chain), {@link ConnectionException},
     * {@link ProtocolException} (the server refused the message, with its reply).
     */
    void send(MimeMessage message, List<String> recipients) {
        CapturingTrust capturing;
        try {
            capturing = new CapturingTrust(access.trust().accepted());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up certificate checks: " + e.getMessage(), e);
        }
        boolean ssl = endpoint.security() == Security.SSL;
        String protocol = ssl ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put(p + "host", endpoint.host());
        props.put(p + "port", Integer.toString(endpoint.port()));
        props.put(p + "connectiontimeout", Long.toString(access.timeouts().connect().toMillis()));
        props.put(p + "timeout", Long.toString(access.timeouts().read().toMillis()));
        props.put(p + "writetimeout", Long.toString(access.timeouts().read().toMillis()));
        MailProxy proxy = MailProxy.of(access.proxy(), endpoint.host(), endpoint.port());
        proxy.applyTo(props, protocol);
        props.put(p + "auth", Boolean.toString(user != null));
        try {
            props.put(p + "ssl.socketFactory", capturing.socketFactory());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
        props.put(p + "ssl.checkserveridentity", "true");
        // No second try with the JVM's own factories, which would leave the accepted certificates out.
        props.put(p + "socketFactory.fallback", "false");
        props.put(p + "ssl.socketFactory.fallback", "false");
        if (endpoint.security() == Security.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        Session session = Session.getInstance(props);
        try {
            SMTPMessage smtp = new SMTPMessage(message);
            smtp.setEnvelopeFrom("<>");
            Address[] to = new Address[recipients.size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(recipients.get(i));
            }
            try (Transport t = session.getTransport(protocol)) {
                if (user != null) {
                    char[] password = access.password();
                    try {
                        t.connect(endpoint.host(), endpoint.port(), user, new String(password));
                    } finally {
                        java.util.Arrays.fill(password, '\0');
                    }
                } else {
                    t.connect();
                }
                t.sendMessage(smtp, to);
            }
        } catch (MessagingException e) {
            throw failure(e, capturing, proxy);
        }
    }

    private IceSyncException failure(MessagingException e, CapturingTrust capturing, MailProxy proxy) {
        String where = "SMTP " + endpoint;
        IceSyncException viaProxy = proxy.failure(where, e);
        if (viaProxy != null) {
            return viaProxy;
        }
        if (e instanceof AuthenticationFailedException) {
            return new AuthenticationException(where + " refused the login of '" + user + "'", e);
        }
        if (e instanceof SMTPSendFailedException) {
            SMTPSendFailedException s = (SMTPSendFailedException) e;
            return new ProtocolException(where + " refused the read receipt", s.getReturnCode() + " "
                    + String.valueOf(s.getMessage()).trim(), e);
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof CertificateException || c instanceof SSLException) {
                String m = String.valueOf(c.getMessage());
                if (c instanceof CertificateException || m.contains("PKIX") || m.contains("certificate")) {
                    return new UntrustedCertificateException("the certificate of " + where + " is not trusted; trust it"
                            + " explicitly if you accept the risk", capturing.lastChain(), e);
                }
                return new ConnectionException(where + ": TLS failed: " + m, e);
            }
            if (c instanceof UnknownHostException) {
                return new ConnectionException(where + ": the host is unknown (DNS)", e);
            }
            if (c instanceof ConnectException) {
                return new ConnectionException(where + ": the server refused the connection", e);
            }
            if (c instanceof SocketTimeoutException) {
                return new ConnectionException(where + ": the server did not answer in time", e);
            }
        }
        return new ProtocolException(where + " could not send the read receipt", String.valueOf(e.getMessage()).trim(), e);
    }

    @Override
    public String toString() {
        return "ReceiptSender[" + endpoint + (user == null ? "" : ", user " + user) + "]";
    }

    /** How the sender connects. */
    public static final class Builder extends AccessBuilder<Builder> {
        private final Endpoint endpoint;

        private Builder(Endpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        public ReceiptSender build() {
            return new ReceiptSender(this);
        }
    }
}
