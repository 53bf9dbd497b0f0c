package io.icesync.client.internal;

import io.icesync.client.MessageTooLargeException;
import io.icesync.client.RecipientRefusedException;
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
import io.icesync.core.proxy.MailProxy;
import io.icesync.core.tls.CapturingTrust;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One SMTP submission session with Angus Mail, for the messages of one Outbox run: plain, STARTTLS
 * (required once asked for) or implicit TLS as the endpoint says, the login and password of the
 * access, the server's name checked and its certificate checked against the system's CAs plus the
 * profile's accepted ones, through the profile's proxy. The connection is opened at the first message
 * and opened again after a message failed, so that one refusal leaves no half transaction behind.
 * A message leaves as the bytes queued (parsed, never rebuilt), so IceSync never emits TNEF (F10.5).
 */
public final class SmtpSubmission implements AutoCloseable {
    private final Endpoint endpoint;
    private final ServiceAccess access;
    private final String where;
    private Transport transport;
    private CapturingTrust capturing;
    private MailProxy proxy;
    private Session session;
    /** The token login of a token access, shared by this run's connections; null for a password. */
    private final TokenLogin tokens;

    public SmtpSubmission(Endpoint endpoint, ServiceAccess access) {
        this.endpoint = endpoint;
        this.access = access;
        this.tokens = access.usesToken() ? new TokenLogin(access.tokens(), access.user()) : null;
        this.where = "SMTP " + endpoint;
    }

    /**
     * Sends {@code bytes} from {@code from} to {@code recipients}; returns when the server accepted the
     * message. Errors: {@link RecipientRefusedException}, {@link MessageTooLargeException},
     * {@link AuthenticationException}, {@link UntrustedCertificateException}, {@link ConnectionException},
     * {@link ProtocolException}.
     */
    public void send(byte[] bytes, String from, List<String> recipients) {
        try {
            if (transport == null || !transport.isConnected()) {
                connect();
            }
            long limit = sizeLimit();
            if (limit > 0 && bytes.length > limit) {
                throw new MessageTooLargeException(where, bytes.length, limit, null, null);
            }
            SMTPMessage m = new SMTPMessage(session, new ByteArrayInputStream(bytes));
            m.setEnvelopeFrom(from);
            Address[] to = new Address[recipients.size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(recipients.get(i), false);
            }
            transport.sendMessage(m, to);
        } catch (MessagingException e) {
            IceSyncException f = failure(e, bytes.length);
            closeQuietly();
            throw f;
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private void connect() throws MessagingException {
        MailSession mail = MailSession.of("smtp", endpoint, access);
        capturing = mail.trust();
        proxy = mail.proxy();
        String protocol = mail.protocol();
        session = Session.getInstance(mail.properties());
        transport = session.getTransport(protocol);
        if (tokens != null) {
            tokens.login(t -> transport.connect(endpoint.host(), endpoint.port(), access.user(), t),
                    e -> e instanceof AuthenticationFailedException);
        } else if (access.user() != null) {
            char[] password = access.password();
            try {
                transport.connect(endpoint.host(), endpoint.port(), access.user(), new String(password));
            } finally {
                Arrays.fill(password, '\0');
            }
        } else {
            transport.connect();
        }
    }

    /** The server's SIZE limit from its EHLO answer, or 0 when it gave none. */
    private long sizeLimit() {
        if (!(transport instanceof SMTPTransport t)) {
            return 0;
        }
        String v = t.getExtensionParameter("SIZE");
        try {
            return v == null ? 0 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private IceSyncException failure(MessagingException e, long size) {
        IceSyncException viaProxy = proxy == null ? null : proxy.failure(where, e);
        if (viaProxy != null) {
            return viaProxy;
        }
        if (e instanceof AuthenticationFailedException) {
            return new AuthenticationException(where + " refused the login of '" + access.user() + "'"
                    + (tokens == null ? "" : " with a fresh access token (" + access.tokenMechanism() + ")"), e);
        }
        if (e instanceof SendFailedException s && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0) {
            List<String> refused = new ArrayList<>();
            Arrays.stream(s.getInvalidAddresses()).forEach(a -> refused.add(((InternetAddress) a).getAddress()));
            return new RecipientRefusedException(where, refused, rcptReply(s), e);
        }
        if (e instanceof SMTPSendFailedException s) {
            String line = s.getReturnCode() + " " + String.valueOf(s.getMessage()).trim();
            if (s.getReturnCode() == 552) {
                return new MessageTooLargeException(where, size, sizeLimit(), line, e);
            }
            return new ProtocolException(where + " refused the message", line, e);
        }
        IceSyncException network = MailFailures.network(where, e, capturing);
        if (network != null) {
            return network;
        }
        return new ProtocolException(where + " could not send the message", String.valueOf(e.getMessage()).trim(), e);
    }

    /** The server's answer to the first refused RCPT, as Angus chained it. */
    private static String rcptReply(SendFailedException s) {
        for (Exception n = s.getNextException(); n != null;
             n = n instanceof MessagingException m ? m.getNextException() : null) {
            if (n instanceof SMTPAddressFailedException a) {
                return a.getReturnCode() + " " + String.valueOf(a.getMessage()).trim();
            }
        }
        return null;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            // the connection is dropped either way
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // QUIT not answered: nothing is left to undo
            } finally {
                transport = null;
            }
        }
    }
}
