package io.icesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link IceWarpServer#waitForMail} and {@link IceWarpServer#waitForSentMail}, as a test that sends mail uses them. */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "josephine@iwdemo.test:secret"})
class WaitForMailTest {
    static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void mailSentThroughSmtpByAnotherThreadIsReturnedOnceItIsDelivered(IceWarpServer server) throws Exception {
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(server, "<w1@x>", "<w2@x>"));
        List<TestMessage> inbox = server.waitForMail("josephine@iwdemo.test", "INBOX", 2, LONG);
        assertThat(inbox).extracting(TestMessage::messageId).containsExactly("<w1@x>", "<w2@x>");
        List<SentMail> sent = server.waitForSentMail(2, LONG);
        assertThat(sent).extracting(SentMail::login).containsExactly("jean@iwdemo.test", "jean@iwdemo.test");
        assertThat(sent.get(1).recipients()).containsExactly("josephine@iwdemo.test", "someone@example.org");
        sending.get(30, TimeUnit.SECONDS);
    }

    @Test
    void mailAlreadyThereIsReturnedAtOnceAndAFolderMadeLaterIsWaitedFor(IceWarpServer server) throws Exception {
        server.account("jean@iwdemo.test").mailbox("INBOX").append(Messages.simple("<there@x>", "there"));
        assertThat(server.waitForMail("jean@iwdemo.test", "inbox", 1, Duration.ZERO))
                .extracting(TestMessage::messageId).containsExactly("<there@x>");

        CompletableFuture<Void> filing = CompletableFuture.runAsync(() -> server.account("jean@iwdemo.test")
                .create("Archive").append(Messages.simple("<filed@x>", "filed")));
        assertThat(server.waitForMail("jean@iwdemo.test", "Archive", 1, LONG))
                .extracting(TestMessage::messageId).containsExactly("<filed@x>");
        filing.get(30, TimeUnit.SECONDS);
    }

    @Test
    void runningOutOfTimeIsATypedFailureNamingWhatWasWaitedFor(IceWarpServer server) {
        server.account("jean@iwdemo.test").mailbox("INBOX").append(Messages.simple("<only@x>", "only one"));
        assertThatThrownBy(() -> server.waitForMail("jean@iwdemo.test", "INBOX", 2, Duration.ofMillis(50)))
                .isInstanceOfSatisfying(MailNotArrivedError.class, e -> {
                    assertThat(e.waitedFor()).isEqualTo("messages in jean@iwdemo.test/INBOX");
                    assertThat(e.wanted()).isEqualTo(2);
                    assertThat(e.found()).isEqualTo(1);
                    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(50));
                })
                .hasMessage("waited 50 ms for messages in jean@iwdemo.test/INBOX: wanted at least 2, found 1");
        assertThatThrownBy(() -> server.waitForSentMail(1, Duration.ofMillis(20)))
                .isInstanceOf(MailNotArrivedError.class)
                .hasMessage("waited 20 ms for messages sent through SMTP: wanted at least 1, found 0");
    }

    @Test
    void anUnknownAccountOrANonsenseCountIsRefusedAtOnce(IceWarpServer server) {
        assertThatThrownBy(() -> server.waitForMail("nobody@iwdemo.test", "INBOX", 1, LONG))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("nobody@iwdemo.test");
        assertThatThrownBy(() -> server.waitForMail("jean@iwdemo.test", "INBOX", 0, LONG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 0");
        assertThatThrownBy(() -> server.waitForSentMail(1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    private static void send(IceWarpServer server, String... messageIds) {
        Session session = Session.getInstance(new Properties());
        try (Transport t = session.getTransport("smtp")) {
            t.connect("127.0.0.1", server.smtp().port(), "jean@iwdemo.test", "secret");
            for (String id : messageIds) {
                MimeMessage m = new MimeMessage(session) {
                    @Override
                    protected void updateMessageID() throws jakarta.mail.MessagingException {
                        setHeader("Message-ID", id);
                    }
                };
                m.setFrom("jean@iwdemo.test");
                m.setRecipients(Message.RecipientType.TO, "josephine@iwdemo.test, someone@example.org");
                m.setSubject("wait " + id);
                m.setText("Hello.");
                m.saveChanges();
                t.sendMessage(m, m.getAllRecipients());
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
