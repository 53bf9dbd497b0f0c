package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.SessionEvent;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.SentMail;
import io.icesync.testkit.TestMailbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sending from the Outbox (F2.1, F10.5) through the testkit's SMTP, as a user sees it: sent, kept in Sent, gone. */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "anne@iwdemo.test:secret"})
class SendingTest {
    static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path dir;

    @Test
    void aQueuedMessageIsSentOnceKeptOnceInSentWithoutBccAndLeavesTheOutbox(IceWarpServer server) throws Exception {
        try (IceSync sync = IceSync.create(dir, profile(server), "secret".toCharArray())) {
            String id = sync.send(message(null, "anne@iwdemo.test", "boss@example.org", "Budget"));
            assertThat(id).matches("<.+@iwdemo\\.test>");
            assertThat(sync.outbox()).singleElement().satisfies(m -> {
                assertThat(m.messageId()).isEqualTo(id);
                assertThat(m.reason()).contains("queued");
            });

            assertThat(sync.syncOnce().ok()).isTrue();

            assertThat(server.sentMail()).singleElement().satisfies(m -> {
                assertThat(m.from()).isEqualTo(JEAN);
                assertThat(m.login()).isEqualTo(JEAN);
                assertThat(m.recipients()).containsExactlyInAnyOrder("anne@iwdemo.test", "boss@example.org");
                assertThat(m.text()).contains("Message-ID: " + id, "Subject: Budget").doesNotContain("Bcc", "boss@");
            });
            TestMailbox sent = server.account(JEAN).mailbox("Sent");
            assertThat(sent.byMessageId(id)).singleElement().satisfies(m -> {
                assertThat(new String(m.content(), StandardCharsets.UTF_8)).doesNotContain("Bcc", "boss@");
                assertThat(m.flags()).contains("\\Seen");
            });
            assertThat(server.account("anne@iwdemo.test").mailbox("INBOX").byMessageId(id)).hasSize(1);
            assertThat(outboxFiles()).isEmpty();
            assertThat(sync.outbox()).isEmpty();
            assertThat(localFiles("Sent")).as("the Sent copy is synced in the same cycle").hasSize(1);
            assertThat(sync.events(20)).anySatisfy(e -> assertThat(e.message()).isEqualTo("message sent"));

            sync.syncOnce();
        }
        assertThat(server.sentMail()).hasSize(1);
        assertThat(server.account(JEAN).mailbox("Sent").size()).isEqualTo(1);
        assertThat(server.account(JEAN).mailboxes()).extracting(TestMailbox::name).doesNotContain("Outbox");
    }

    @Test
    void aFileDroppedInOutboxNewLeavesOnTheNextSync(IceWarpServer server) throws Exception {
        IceSync.create(dir, profile(server), "secret".toCharArray()).close();
        Path newDir = Files.createDirectories(dir.resolve("mail/Outbox/new"));
        String lf = new String(message("<hand@iwdemo.test>", "anne@iwdemo.test", null, "By hand"),
                StandardCharsets.UTF_8).replace("\r\n", "\n");
        Files.writeString(newDir.resolve("1.hand.eml"), lf);

        try (IceSync sync = IceSync.open(dir)) {
            sync.syncOnce();
        }

        assertThat(server.sentMail()).singleElement().satisfies(m -> assertThat(m.text()).contains("Subject: By hand"));
        assertThat(server.account(JEAN).mailbox("Sent").byMessageId("<hand@iwdemo.test>")).hasSize(1);
        assertThat(outboxFiles()).isEmpty();
    }

    @Test
    void aRefusedRecipientIsNamedTheMessageStaysAndIsIgnoredAfterThreeTries(IceWarpServer server) throws Exception {
        try (IceSync sync = IceSync.create(dir, profile(server), "secret".toCharArray())) {
            sync.send(message("<refused@iwdemo.test>", "reject-me@example.org", null, "Nope"));
            for (int i = 1; i <= 3; i++) {
                assertThat(sync.syncOnce().ok()).as("the mail sync goes on").isTrue();
                assertThat(outboxFailure(sync).failures()).isEqualTo(i);
            }
            IgnoredItem f = outboxFailure(sync);
            assertThat(f.ignored()).isTrue();
            assertThat(f.lastError()).contains("refused the recipient reject-me@example.org", "550");
            sync.syncOnce();
            assertThat(outboxFailure(sync).failures()).as("an ignored message is not tried again").isEqualTo(3);
            assertThat(sync.outbox()).singleElement().satisfies(m -> {
                assertThat(m.ignored()).isTrue();
                assertThat(m.reason()).contains("ignored", "reject-me@example.org");
            });
        }
        assertThat(server.sentMail()).isEmpty();
        assertThat(server.account(JEAN).mailbox("Sent").size()).isZero();
        assertThat(outboxFiles()).hasSize(1);
        ProfileStatus status = IceSync.status(dir, 10);
        assertThat(status.outbox()).singleElement().satisfies(m -> assertThat(m.subject()).isEqualTo("Nope"));
        assertThat(status.ignored()).isEqualTo(1);
    }

    @Test
    void aMessageOverTheServersSizeLimitNamesTheLimit() throws Exception {
        try (IceWarpServer server = IceWarpServer.builder().account(JEAN, "secret").maxLiteral(4000).start();
             IceSync sync = IceSync.create(dir, profile(server), "secret".toCharArray())) {
            byte[] big = message("<big@iwdemo.test>", "anne@example.org", null, "Big " + "x".repeat(6000));
            sync.send(big);
            sync.syncOnce();
            assertThat(outboxFailure(sync).lastError()).contains("SIZE limit 4000 bytes", big.length + " bytes");
            assertThat(server.sentMail()).isEmpty();
            assertThat(outboxFiles()).hasSize(1);
        }
    }

    @Test
    void withoutAnSmtpServerTheMessageWaitsAndOutboxIsNeverSyncedAsAFolder(IceWarpServer server) throws Exception {
        Profile noSmtp = Profile.of(new Account(JEAN, JEAN, server.imap()));
        try (IceSync sync = IceSync.create(dir, noSmtp, "secret".toCharArray())) {
            sync.send(message("<wait@iwdemo.test>", "anne@iwdemo.test", null, "Later"));
            assertThat(sync.syncOnce().ok()).isTrue();
            sync.syncOnce();
            assertThat(sync.outbox()).singleElement().satisfies(m -> {
                assertThat(m.failures()).isZero();
                assertThat(m.reason()).contains("waiting", "no SMTP server", "--smtp");
            });
        }
        assertThat(server.account(JEAN).mailboxes()).extracting(TestMailbox::name).doesNotContain("Outbox");
        assertThat(server.account(JEAN).mailboxes()).allSatisfy(b -> assertThat(b.byMessageId("<wait@iwdemo.test>")).isEmpty());
        assertThat(outboxFiles()).hasSize(1);
    }

    @Test
    void anHtmlMessageWithAnAttachmentLeavesAsQueuedAndNeverAsTnef(IceWarpServer server) throws Exception {
        String queued = "Message-ID: <html-1@iwdemo.test>\r\nFrom: Jean <jean@iwdemo.test>\r\nTo: anne@iwdemo.test\r\n"
                + "Subject: Rapport\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: multipart/alternative; boundary=\"b2\"\r\n\r\n"
                + "--b2\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nLe rapport.\r\n"
                + "--b2\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p><b>Le</b> rapport.</p>\r\n--b2--\r\n"
                + "--b1\r\nContent-Type: application/pdf; name=\"rapport.pdf\"\r\nContent-Disposition: attachment; "
                + "filename=\"rapport.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n";
        try (IceSync sync = IceSync.create(dir, profile(server), "secret".toCharArray())) {
            sync.send(queued.getBytes(StandardCharsets.UTF_8));
            assertThat(sync.syncOnce().ok()).isTrue();
        }
        assertThat(server.sentMail()).singleElement().satisfies(m -> {
            assertThat(m.text().replace("\r\n", "\n").strip()).as("the bytes queued are the bytes sent")
                    .isEqualTo(queued.replace("\r\n", "\n").strip());
            assertThat(m.text().toLowerCase(java.util.Locale.ROOT)).doesNotContain("ms-tnef", "winmail.dat");
        });
    }

    @Test
    void aMessageWithoutRecipientsIsRefusedWhenQueued(IceWarpServer server) throws IOException {
        try (IceSync sync = IceSync.create(dir, profile(server), "secret".toCharArray())) {
            assertThatThrownBy(() -> sync.send("Subject: none\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII)))
                    .isInstanceOf(InvalidMessageException.class).hasMessageContaining("no recipient in To, Cc or Bcc");
        }
        assertThat(outboxFiles()).isEmpty();
    }

    static Profile profile(IceWarpServer server) {
        Profile p = Profile.of(new Account(JEAN, JEAN, server.imap()));
        Endpoint submission = new Endpoint(server.smtp().host(), server.smtp().port(), Security.STARTTLS);
        return p.withServices(p.services().withSmtp(submission)).withTrustedCertificatePem(server.certificatePem());
    }

    static byte[] message(String messageId, String to, String bcc, String subject) {
        return ((messageId == null ? "" : "Message-ID: " + messageId + "\r\n") + "From: Jean <jean@iwdemo.test>\r\n"
                + "To: " + to + "\r\n" + (bcc == null ? "" : "Bcc: Boss\r\n <" + bcc + ">\r\n") + "Subject: " + subject
                + "\r\nDate: Mon, 24 Mar 2025 09:00:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n"
                + "Hello.\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static IgnoredItem outboxFailure(IceSync sync) {
        return sync.failures().stream().filter(i -> i.folder().toString().equals("Outbox")).findFirst().orElseThrow();
    }

    List<Path> outboxFiles() throws IOException {
        return localFiles("Outbox");
    }

    List<Path> localFiles(String folder) throws IOException {
        Path root = dir.resolve("mail").resolve(folder);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(f -> !f.getParent().getFileName().toString().equals("tmp"))
                    .filter(f -> !f.getFileName().toString().startsWith(".")).toList();
        }
    }

    static boolean warned(IceSync sync, String message) {
        return sync.events(50).stream().anyMatch(e -> e.level() == SessionEvent.Level.WARNING && e.message().equals(message));
    }

    static long count(List<SentMail> sent, String id) {
        return sent.stream().filter(m -> m.text().contains("Message-ID: " + id)).count();
    }
}
