package io.icesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** POP3 and SMTP as an ordinary Jakarta Mail client uses them, on the same accounts as IMAP. */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "josephine@iwdemo.test:secret2"})
class Pop3SmtpTest {

    @Test
    void smtpRecordsWhatWasSentAndDeliversToLocalAccounts(IceWarpServer server) throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage m = new MimeMessage(session);
        m.setFrom("jean@iwdemo.test");
        m.setRecipients(Message.RecipientType.TO, "josephine@iwdemo.test, someone@example.org");
        m.setSubject("Accusé de réception", "UTF-8");
        m.setText("Lu.\r\n.Une ligne qui commence par un point.\r\n", "UTF-8");
        m.saveChanges();
        try (Transport t = session.getTransport("smtp")) {
            t.connect("127.0.0.1", server.smtp().port(), "jean@iwdemo.test", "secret");
            t.sendMessage(m, m.getAllRecipients());
        }
        assertThat(server.sentMail()).singleElement().satisfies(s -> {
            assertThat(s.from()).isEqualTo("jean@iwdemo.test");
            assertThat(s.recipients()).containsExactly("josephine@iwdemo.test", "someone@example.org");
            assertThat(s.login()).isEqualTo("jean@iwdemo.test");
            assertThat(s.text()).contains("\r\n.Une ligne qui commence par un point.\r\n");
        });
        assertThat(server.account("josephine@iwdemo.test").mailbox("INBOX").messages()).hasSize(1);
    }

    @Test
    void smtpRefusesRelayingWithoutLoginAndWrongPasswords(IceWarpServer server) throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Transport t = session.getTransport("smtp")) {
            assertThatThrownBy(() -> t.connect("127.0.0.1", server.smtp().port(), "jean@iwdemo.test", "wrong"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(server.smtp().port()));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom("a@example.org");
        m.setText("x");
        m.saveChanges();
        assertThatThrownBy(() -> Transport.send(m, new InternetAddress[] {new InternetAddress("b@example.org")}))
                .isInstanceOf(MessagingException.class).hasStackTraceContaining("554 5.7.1 relaying denied");
        assertThat(server.sentMail()).isEmpty();
    }

    @Test
    void pop3ListsRetrievesAndDeletesFromTheInbox(IceWarpServer server) throws Exception {
        TestMailbox inbox = server.account("jean@iwdemo.test").mailbox("INBOX");
        inbox.append(Messages.simple("<p1@x>", "one"));
        inbox.append(Messages.simple("<p2@x>", "two"));
        Store store = Session.getInstance(new Properties()).getStore("pop3");
        store.connect("127.0.0.1", server.pop3().port(), "jean@iwdemo.test", "secret");
        try {
            Folder f = store.getFolder("INBOX");
            f.open(Folder.READ_WRITE);
            Message[] msgs = f.getMessages();
            assertThat(msgs).hasSize(2);
            assertThat(msgs[1].getSubject()).isEqualTo("two");
            assertThat(((org.eclipse.angus.mail.pop3.POP3Folder) f).getUID(msgs[0])).isEqualTo(inbox.uidValidity() + ".1");
            msgs[0].setFlag(jakarta.mail.Flags.Flag.DELETED, true);
            f.close(true);
        } finally {
            store.close();
        }
        assertThat(inbox.messages()).extracting(TestMessage::messageId).containsExactly("<p2@x>");
    }

    @Test
    void pop3OverTlsAndBadCommands(IceWarpServer server) throws IOException {
        try (RawPop c = new RawPop(server)) {
            assertThat(c.cmd("STAT")).startsWith("-ERR");
            assertThat(c.cmd("USER jean@iwdemo.test")).startsWith("+OK");
            assertThat(c.cmd("PASS nope")).startsWith("-ERR [AUTH]");
            assertThat(c.cmd("FROB")).startsWith("-ERR");
        }
        Properties p = new Properties();
        p.put("mail.pop3s.ssl.trust", "*");
        p.put("mail.pop3s.ssl.checkserveridentity", "false");
        Store s = null;
        try {
            s = Session.getInstance(p).getStore("pop3s");
            s.connect("127.0.0.1", server.pop3s().port(), "jean@iwdemo.test", "secret");
            Folder f = s.getFolder("INBOX");
            f.open(Folder.READ_ONLY);
            assertThat(f.getMessageCount()).isZero();
            f.close(false);
        } catch (MessagingException e) {
            throw new AssertionError(e);
        } finally {
            if (s != null) {
                try {
                    s.close();
                } catch (MessagingException e) {
                    // closing a finished session
                }
            }
        }
    }

    /** POP3 by hand: one line per command. */
    static final class RawPop implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.BufferedReader in;
        private final java.io.Writer out;

        RawPop(IceWarpServer server) throws IOException {
            socket = new java.net.Socket("127.0.0.1", server.pop3().port());
            socket.setSoTimeout(5000);
            in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            out = new java.io.OutputStreamWriter(socket.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8);
            in.readLine();
        }

        String cmd(String line) throws IOException {
            out.write(line + "\r\n");
            out.flush();
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
