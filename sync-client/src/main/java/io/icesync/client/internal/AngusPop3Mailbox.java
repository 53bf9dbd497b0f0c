package io.icesync.client.internal;

import io.icesync.core.AuthenticationException;
import io.icesync.core.Endpoint;
import io.icesync.core.IceSyncException;
import io.icesync.core.ProtocolException;
import io.icesync.core.ServiceAccess;
import io.icesync.core.mail.MailFailures;
import io.icesync.core.mail.MailSession;
import io.icesync.core.mail.TokenLogin;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.TokenMechanism;
import io.icesync.core.proxy.MailProxy;
import io.icesync.core.tls.CapturingTrust;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.angus.mail.pop3.POP3Folder;

/**
 * {@link Pop3Mailbox} with Angus Mail's POP3 provider: plain, STARTTLS (required once asked for) or
 * implicit TLS as the endpoint says, the server's certificate checked against the system's CAs plus
 * the profile's accepted ones, through the profile's proxy. Angus sends the DELE commands at QUIT only,
 * so a session that ends otherwise deletes nothing.
 */
public final class AngusPop3Mailbox implements Pop3Mailbox {
    private final String where;
    private final ServiceAccess access;
    private final CapturingTrust trust;
    private final MailProxy proxy;
    private final Store store;
    private final POP3Folder inbox;
    private final Message[] messages;

    private static void passwordLogin(Store s, Endpoint endpoint, ServiceAccess access) throws MessagingException {
        char[] password = access.password();
        try {
            s.connect(endpoint.host(), endpoint.port(), access.user(), password == null ? null : new String(password));
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** POP3 in Angus has XOAUTH2 but no SASL path: OAUTHBEARER cannot be offered. */
    private static void tokenLogin(Store s, Endpoint endpoint, ServiceAccess access) throws MessagingException {
        if (access.tokenMechanism() != TokenMechanism.XOAUTH2) {
            throw new InvalidSettingException("tokenMechanism", "POP3 logs in with XOAUTH2 tokens only, not "
                    + access.tokenMechanism());
        }
        new TokenLogin(access.tokens(), access.user()).login(t -> s.connect(endpoint.host(), endpoint.port(),
                access.user(), t), e -> e instanceof jakarta.mail.AuthenticationFailedException);
    }

    /** Signs in and lists the maildrop. Errors: {@link AuthenticationException}, the network's ({@link MailFailures}). */
    public AngusPop3Mailbox(Endpoint endpoint, ServiceAccess access) {
        this.where = "POP3 " + endpoint;
        this.access = access;
        MailSession mail = MailSession.of("pop3", endpoint, access);
        this.trust = mail.trust();
        this.proxy = mail.proxy();
        Store s = null;
        try {
            s = Session.getInstance(mail.properties()).getStore(mail.protocol());
            if (access.usesToken()) {
                tokenLogin(s, endpoint, access);
            } else {
                passwordLogin(s, endpoint, access);
            }
            POP3Folder f = (POP3Folder) s.getFolder("INBOX");
            f.open(Folder.READ_WRITE);
            Message[] all = f.getMessages();
            FetchProfile uid = new FetchProfile();
            uid.add(UIDFolder.FetchProfileItem.UID);
            f.fetch(all, uid);
            this.store = s;
            this.inbox = f;
            this.messages = all;
        } catch (MessagingException e) {
            closeQuietly(s);
            throw failure("cannot open the mailbox", e);
        }
    }

    @Override
    public List<Entry> list() {
        List<Entry> out = new ArrayList<>(messages.length);
        try {
            for (Message m : messages) {
                String uidl = inbox.getUID(m);
                if (uidl == null) {
                    throw new ProtocolException(where + " gave no UIDL for message " + m.getMessageNumber()
                            + "; a GroupWare profile needs UIDL (RFC 1939) to receive each message once", null, null);
                }
                out.add(new Entry(m.getMessageNumber(), uidl));
            }
        } catch (MessagingException e) {
            throw failure("cannot list the messages", e);
        }
        return out;
    }

    @Override
    public byte[] retrieve(int number) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message(number).writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw failure("cannot retrieve message " + number, e);
        }
    }

    @Override
    public String messageId(int number) {
        try {
            String[] v = message(number).getHeader("Message-ID");
            return v == null || v.length == 0 ? null : v[0].trim();
        } catch (MessagingException e) {
            throw failure("cannot read the header of message " + number, e);
        }
    }

    @Override
    public void delete(int number) {
        try {
            message(number).setFlag(Flags.Flag.DELETED, true);
        } catch (MessagingException e) {
            throw failure("cannot mark message " + number + " for deletion", e);
        }
    }

    @Override
    public void commit() {
        try {
            inbox.close(true);
        } catch (MessagingException e) {
            throw failure("did not confirm the end of the session (QUIT); no message was deleted", e);
        } finally {
            closeQuietly(store);
        }
    }

    @Override
    public void close() {
        try {
            if (inbox.isOpen()) {
                inbox.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            // the connection is dropped either way; nothing was deleted
        }
        closeQuietly(store);
    }

    private Message message(int number) {
        if (number < 1 || number > messages.length) {
            throw new IllegalArgumentException("no message " + number + " in " + where);
        }
        return messages[number - 1];
    }

    private IceSyncException failure(String what, Exception e) {
        IceSyncException viaProxy = proxy == null ? null : proxy.failure(where, e);
        if (viaProxy != null) {
            return viaProxy;
        }
        if (e instanceof AuthenticationFailedException) {
            return new AuthenticationException(where + " refused the login of '" + access.user() + "'", e);
        }
        IceSyncException network = MailFailures.network(where, e, trust);
        if (network != null) {
            return network;
        }
        return new ProtocolException(where + ": " + what, String.valueOf(e.getMessage()).trim(), e);
    }

    private static void closeQuietly(Store s) {
        if (s != null) {
            try {
                s.close();
            } catch (MessagingException e) {
                // already gone
            }
        }
    }
}
