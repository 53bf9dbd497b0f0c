package io.icesync.groupware.mdn;

import io.icesync.core.AccessBuilder;
import io.icesync.core.AuthenticationException;
import io.icesync.core.ConnectionException;
import io.icesync.core.Endpoint;
import io.icesync.core.IceSyncException;
import io.icesync.core.ProtocolException;
import io.icesync.core.ServiceAccess;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.mail.MailFailures;
import io.icesync.core.mail.MailSession;
import io.icesync.core.mail.TokenLogin;
import io.icesync.core.spi.CertificateTrust;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
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
    /** The token login of a token access, kept between receipts; null for a password. */
    private final TokenLogin tokens;

    private ReceiptSender(Builder b) {
        this.endpoint = b.endpoint;
        this.access = b.serviceAccess();
        this.user = access.user();
        this.tokens = access.usesToken() ? new TokenLogin(access.tokens(), user) : null;
    }

    /**
     * @param smtp the SMTP submission server
     * @return a builder; give it the user's credentials
     */
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
        MailSession mail = MailSession.of("smtp", endpoint, access);
        String protocol = mail.protocol();
        Session session = Session.getInstance(mail.properties());
        try {
            SMTPMessage smtp = new SMTPMessage(message);
            smtp.setEnvelopeFrom("<>");
            Address[] to = new Address[recipients.size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(recipients.get(i));
            }
            try (Transport t = session.getTransport(protocol)) {
                if (tokens != null) {
                    tokens.login(tk -> t.connect(endpoint.host(), endpoint.port(), user, tk),
                            e -> e instanceof AuthenticationFailedException);
                } else if (user != null) {
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
            throw failure(e, mail);
        }
    }

    private IceSyncException failure(MessagingException e, MailSession mail) {
        String where = "SMTP " + endpoint;
        IceSyncException viaProxy = mail.proxy().failure(where, e);
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
        IceSyncException network = MailFailures.network(where, e, mail.trust());
        return network != null ? network
                : new ProtocolException(where + " could not send the read receipt", String.valueOf(e.getMessage()).trim(), e);
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

        /** {@return a sender with this builder's server, credentials, trust, timeouts and proxy} */
        public ReceiptSender build() {
            return new ReceiptSender(this);
        }
    }
}
