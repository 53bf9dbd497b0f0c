package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.core.IceSyncException;
import io.icesync.core.settings.ReadReceiptMode;
import io.icesync.core.settings.SyncSettings;
import io.icesync.groupware.mdn.AskReason;
import io.icesync.groupware.mdn.ReceiptOutcome;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read receipts act when a message that asks for one is marked read in the Maildir and the cycle
 * takes \Seen to the server (F6.5), by the profile's readReceipts mode, through the testkit's SMTP.
 */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "anne@iwdemo.test:secret"})
class ReadReceiptsOnSyncTest {
    static final String JEAN = "jean@iwdemo.test";
    static final String ANNE = "anne@iwdemo.test";

    @TempDir
    Path dir;

    @Test
    void alwaysSendsOneReceiptWhenTheReadMarkReachesTheServerAndNeverASecond(IceWarpServer server) throws Exception {
        server.account(JEAN).mailbox("INBOX").append(request("<r1@iwdemo.test>", "Budget", "anne@iwdemo.test"));
        try (IceSync sync = IceSync.create(dir, profile(server, ReadReceiptMode.ALWAYS, true), "secret".toCharArray())) {
            sync.syncOnce();
            assertThat(server.sentMail()).as("downloading is not reading").isEmpty();

            markReadLocally();
            sync.syncOnce();

            assertThat(server.account(JEAN).mailbox("INBOX").messages().get(0).flags()).contains("\\Seen");
            assertThat(server.sentMail()).hasSize(1);
            assertThat(server.sentMail().get(0).recipients()).containsExactly(ANNE);
            assertThat(server.sentMail().get(0).login()).isEqualTo(JEAN);
            assertThat(server.sentMail().get(0).text()).contains("Subject: Read: Budget", "disposition-notification");
            sync.syncOnce();
        }
        // A new process reads the record: unread then read again on the server and here, nothing more goes out.
        server.account(JEAN).mailbox("INBOX").setFlags(server.account(JEAN).mailbox("INBOX").messages().get(0).uid());
        try (IceSync sync = IceSync.open(dir)) {
            sync.syncOnce();
            markReadLocally();
            sync.syncOnce();
        }
        assertThat(server.sentMail()).hasSize(1);
        assertThat(Files.readString(dir.resolve(IceSync.RECEIPTS_FILE))).contains("<r1@iwdemo.test>");
    }

    @Test
    void askKeepsTheRequestUntilTheUserAnswersAndSendsOnlyThen(IceWarpServer server) throws Exception {
        server.account(JEAN).mailbox("INBOX").append(request("<r2@iwdemo.test>", "Planning", "anne@iwdemo.test"));
        try (IceSync sync = IceSync.create(dir, profile(server, ReadReceiptMode.ASK, true), "secret".toCharArray())) {
            sync.syncOnce();
            markReadLocally();
            sync.syncOnce();
            assertThat(server.sentMail()).isEmpty();
        }
        try (IceSync sync = IceSync.open(dir)) {
            List<PendingReceipt> pending = sync.pendingReceipts();
            assertThat(pending).singleElement().satisfies(p -> {
                assertThat(p.key()).isEqualTo("<r2@iwdemo.test>");
                assertThat(p.subject()).isEqualTo("Planning");
                assertThat(p.notifyTo()).containsExactly(ANNE);
                assertThat(p.reason()).isEqualTo(AskReason.POLICY);
            });
            assertThatThrownBy(() -> sync.answerReceipt("<nope@x>", true)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("<r2@iwdemo.test>");

            assertThat(sync.answerReceipt("<r2@iwdemo.test>", true)).isEqualTo(ReceiptOutcome.SENT);

            assertThat(sync.pendingReceipts()).isEmpty();
            assertThat(server.sentMail()).singleElement().satisfies(m -> assertThat(m.recipients()).containsExactly(ANNE));
            assertThat(server.sentMail().get(0).text()).contains("manual-action/MDN-sent-manually");
        }
    }

    @Test
    void alwaysAsksWhenTheReceiptWouldGoElsewhereThanTheReturnPathAndADeclineIsFinal(IceWarpServer server)
            throws Exception {
        server.account(JEAN).mailbox("INBOX").append(request("<r3@iwdemo.test>", "Odd", "someone@elsewhere.test"));
        try (IceSync sync = IceSync.create(dir, profile(server, ReadReceiptMode.ALWAYS, true), "secret".toCharArray())) {
            sync.syncOnce();
            markReadLocally();
            sync.syncOnce();
            assertThat(server.sentMail()).isEmpty();
            assertThat(sync.pendingReceipts()).singleElement()
                    .satisfies(p -> assertThat(p.reason()).isEqualTo(AskReason.ADDRESS_DIFFERS));

            assertThat(sync.answerReceipt("<r3@iwdemo.test>", false)).isEqualTo(ReceiptOutcome.DECLINED);
            assertThat(sync.pendingReceipts()).isEmpty();
        }
        assertThat(server.sentMail()).isEmpty();
        assertThat(Files.readString(dir.resolve(IceSync.RECEIPTS_FILE))).contains("<r3@iwdemo.test>");
    }

    @Test
    void withoutAnSmtpServerTheCycleSucceedsAndTheSessionLogSaysWhy(IceWarpServer server) throws Exception {
        server.account(JEAN).mailbox("INBOX").append(request("<r4@iwdemo.test>", "Lunch", "anne@iwdemo.test"));
        try (IceSync sync = IceSync.create(dir, profile(server, ReadReceiptMode.ALWAYS, false), "secret".toCharArray())) {
            sync.syncOnce();
            markReadLocally();
            assertThat(sync.syncOnce().ok()).isTrue();

            assertThat(server.sentMail()).isEmpty();
            assertThat(sync.events(20)).anySatisfy(e -> {
                assertThat(e.message()).isEqualTo("read receipt not sent: the profile has no SMTP server");
                assertThat(e.details()).contains("Lunch", "--smtp");
            });
            assertThat(sync.pendingReceipts()).extracting(PendingReceipt::key).containsExactly("<r4@iwdemo.test>");
            assertThatThrownBy(() -> sync.answerReceipt("<r4@iwdemo.test>", true)).isInstanceOf(IceSyncException.class)
                    .hasMessageContaining("no SMTP server");
            assertThat(sync.pendingReceipts()).as("still waiting").hasSize(1);
        }
    }

    @Test
    void neverSendsNothingAndKeepsNothing(IceWarpServer server) throws Exception {
        server.account(JEAN).mailbox("INBOX").append(request("<r5@iwdemo.test>", "News", "anne@iwdemo.test"));
        try (IceSync sync = IceSync.create(dir, profile(server, ReadReceiptMode.NEVER, true), "secret".toCharArray())) {
            sync.syncOnce();
            markReadLocally();
            sync.syncOnce();
            assertThat(sync.pendingReceipts()).isEmpty();
        }
        assertThat(server.account(JEAN).mailbox("INBOX").messages().get(0).flags()).contains("\\Seen");
        assertThat(server.sentMail()).isEmpty();
    }

    private static Profile profile(IceWarpServer server, ReadReceiptMode mode, boolean smtp) {
        Profile p = Profile.of(new Account(JEAN, JEAN, server.imap()))
                .withSettings(SyncSettings.builder().readReceipts(mode).build());
        Endpoint submission = new Endpoint(server.smtp().host(), server.smtp().port(), Security.STARTTLS);
        return smtp ? p.withServices(p.services().withSmtp(submission)).withTrustedCertificatePem(server.certificatePem())
                : p;
    }

    /** Anne's message asking for a receipt at {@code notify}; its Return-Path is Anne's. */
    private static byte[] request(String messageId, String subject, String notify) {
        return ("Return-Path: <anne@iwdemo.test>\r\nMessage-ID: " + messageId + "\r\nSubject: " + subject
                + "\r\nDisposition-Notification-To: <" + notify + ">\r\nFrom: Anne <anne@iwdemo.test>\r\n"
                + "To: Jean <jean@iwdemo.test>\r\nDate: Mon, 24 Mar 2025 09:00:00 +0100\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** What a mail program does on reading: the file moves to cur/ with the S flag. */
    private void markReadLocally() throws IOException {
        Path inbox = dir.resolve("mail/INBOX");
        try (Stream<Path> files = Stream.concat(Files.list(inbox.resolve("new")), Files.list(inbox.resolve("cur")))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                int info = name.indexOf(":2,");
                String base = info < 0 ? name : name.substring(0, info);
                String flags = info < 0 ? "" : name.substring(info + 3);
                if (!flags.contains("S")) {
                    String sorted = (flags + "S").chars().sorted()
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
                    Files.move(f, inbox.resolve("cur").resolve(base + ":2," + sorted));
                }
            }
        }
    }
}
