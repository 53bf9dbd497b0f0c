package io.icesync.groupware.mdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.SentMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "anne@iwdemo.test:secret"})
class ReadReceiptsTest {
    private static final String JEAN = "jean@iwdemo.test";
    private static final String ANNE = "anne@iwdemo.test";
    private static final Instant READ = Instant.parse("2025-03-24T09:15:00Z");
    private static final ReceiptPolicy UTC_DATES = ReceiptPolicy.defaults()
            .withDates(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC));

    @Test
    void alwaysSendsOneReceiptWithTheReportStructureAndTheText(IceWarpServer server) throws Exception {
        ReadReceipts receipts = receipts(server, UTC_DATES.withMode(ReceiptMode.ALWAYS)
                .withText("Dear sender, %TO% read \"%SUBJECT%\" (sent %SENT%) on %READ%.")).build();

        assertThat(receipts.messageRead(request("<m1@iwdemo.test>", "Budget 2025"), READ)).isEqualTo(ReceiptOutcome.SENT);

        assertThat(server.sentMail()).hasSize(1);
        SentMail sent = server.sentMail().get(0);
        assertThat(sent.from()).as("a receipt has the null envelope sender").isEmpty();
        assertThat(sent.recipients()).containsExactly(ANNE);
        assertThat(sent.login()).isEqualTo(JEAN);
        MimeMessage mdn = parse(sent.content());
        assertThat(mdn.getFrom()[0].toString()).isEqualTo(JEAN);
        assertThat(mdn.getSubject()).isEqualTo("Read: Budget 2025");
        ContentType type = new ContentType(mdn.getContentType());
        assertThat(type.getBaseType()).isEqualToIgnoringCase("multipart/report");
        assertThat(type.getParameter("report-type")).isEqualTo("disposition-notification");
        MimeMultipart parts = (MimeMultipart) mdn.getContent();
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(0).getContent())
                .isEqualTo("Dear sender, Jean <jean@iwdemo.test> read \"Budget 2025\" (sent 2025-03-24 08:00) on 2025-03-24 09:15.");
        BodyPart report = parts.getBodyPart(1);
        assertThat(report.isMimeType("message/disposition-notification")).isTrue();
        assertThat(text(report)).contains("Reporting-UA: iwdemo.test; IceSync\r\n",
                "Final-Recipient: rfc822;jean@iwdemo.test\r\n", "Original-Message-ID: <m1@iwdemo.test>\r\n",
                "Disposition: automatic-action/MDN-sent-automatically; displayed\r\n");
        assertThat(mdn.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(server.account(ANNE).mailbox("INBOX").size()).as("delivered to the sender").isEqualTo(1);
    }

    @Test
    void theDefaultTextSaysWhichMessageWasReadAndWhen(IceWarpServer server) throws Exception {
        receipts(server, UTC_DATES.withMode(ReceiptMode.ALWAYS)).build().messageRead(request("<m1@iwdemo.test>", "Budget"), READ);

        String text = (String) ((MimeMultipart) parse(server.sentMail().get(0).content()).getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("To: Jean <jean@iwdemo.test>", "Subject: Budget", "Sent: 2025-03-24 08:00",
                "was read on 2025-03-24 09:15");
    }

    @Test
    void aMessageGetsNoSecondReceipt(IceWarpServer server) {
        ReadReceipts receipts = receipts(server, UTC_DATES.withMode(ReceiptMode.ALWAYS)).build();

        assertThat(receipts.messageRead(request("<m1@iwdemo.test>", "Budget"), READ)).isEqualTo(ReceiptOutcome.SENT);
        assertThat(receipts.messageRead(request("<m1@iwdemo.test>", "Budget"), READ.plusSeconds(60)))
                .isEqualTo(ReceiptOutcome.ALREADY_ANSWERED);

        assertThat(server.sentMail()).hasSize(1);
    }

    @Test
    void theFileRecordRemembersReceiptsAcrossRestarts(IceWarpServer server, @TempDir Path dir) {
        Path file = dir.resolve("profile").resolve("receipts.txt");
        ReceiptPolicy always = UTC_DATES.withMode(ReceiptMode.ALWAYS);
        assertThat(receipts(server, always).record(ReceiptRecord.file(file)).build()
                .messageRead(request("<m1@iwdemo.test>", "Budget"), READ)).isEqualTo(ReceiptOutcome.SENT);

        ReadReceipts afterRestart = receipts(server, always).record(ReceiptRecord.file(file)).build();

        assertThat(afterRestart.messageRead(request("<m1@iwdemo.test>", "Budget"), READ))
                .isEqualTo(ReceiptOutcome.ALREADY_ANSWERED);
        assertThat(afterRestart.messageRead(request("<m2@iwdemo.test>", "Other"), READ)).isEqualTo(ReceiptOutcome.SENT);
        assertThat(server.sentMail()).hasSize(2);
        assertThat(dir.resolve("profile")).isDirectoryContaining(p -> p.getFileName().toString().equals("receipts.txt"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void neverSendsNothing(IceWarpServer server) {
        List<ReceiptRequest> asked = new ArrayList<>();
        ReadReceipts receipts = receipts(server, UTC_DATES.withMode(ReceiptMode.NEVER))
                .prompt((r, why) -> asked.add(r)).build();

        assertThat(receipts.messageRead(request("<m1@iwdemo.test>", "Budget"), READ)).isEqualTo(ReceiptOutcome.NEVER_SENT);

        assertThat(server.sentMail()).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void askSendsWhenTheUserAgreesManually(IceWarpServer server) throws Exception {
        List<String> asked = new ArrayList<>();
        ReadReceipts receipts = receipts(server, UTC_DATES.withMode(ReceiptMode.ASK))
                .prompt((r, why) -> asked.add(r.subject() + " " + why)).build();

        assertThat(receipts.messageRead(request("<m1@iwdemo.test>", "Budget"), READ)).isEqualTo(ReceiptOutcome.SENT);

        assertThat(asked).containsExactly("Budget POLICY");
        assertThat(text(((MimeMultipart) parse(server.sentMail().get(0).content()).getContent()).getBodyPart(1)))
                .contains("Disposition: manual-action/MDN-sent-manually; displayed");
    }

    @Test
    void askSendsNothingWhenTheUserDeclinesAndDoesNotAskAgain(IceWarpServer server) {
        List<String> asked = new ArrayList<>();
        ReadReceipts receipts = receipts(server, UTC_DATES.withMode(ReceiptMode.ASK))
                .prompt((r, why) -> !asked.add(r.subject())).build();

        assertThat(receipts.messageRead(request("<m1@iwdemo.test>", "Budget"), READ)).isEqualTo(ReceiptOutcome.DECLINED);
        assertThat(receipts.messageRead(request("<m1@iwdemo.test>", "Budget"), READ)).isEqualTo(ReceiptOutcome.ALREADY_ANSWERED);

        assertThat(asked).containsExactly("Budget");
        assertThat(server.sentMail()).isEmpty();
    }

    @Test
    void alwaysStillAsksWhenTheReceiptWouldGoElsewhereThanTheReturnPath(IceWarpServer server) {
        List<AskReason> reasons = new ArrayList<>();
        ReadReceipts withPrompt = receipts(server, UTC_DATES.withMode(ReceiptMode.ALWAYS))
                .prompt((r, why) -> !reasons.add(why)).build();
        ReadReceipts withoutPrompt = receipts(server, UTC_DATES.withMode(ReceiptMode.ALWAYS)).build();
        byte[] elsewhere = message("Return-Path: <bounces@elsewhere.test>", "Message-ID: <m1@iwdemo.test>",
                "Disposition-Notification-To: anne@iwdemo.test");
        byte[] noReturnPath = message("Message-ID: <m2@iwdemo.test>", "Disposition-Notification-To: anne@iwdemo.test");

        assertThat(withoutPrompt.messageRead(elsewhere, READ)).isEqualTo(ReceiptOutcome.NOT_ASKED);
        assertThat(withPrompt.messageRead(elsewhere, READ)).isEqualTo(ReceiptOutcome.DECLINED);
        assertThat(withPrompt.messageRead(noReturnPath, READ)).isEqualTo(ReceiptOutcome.DECLINED);

        assertThat(reasons).containsExactly(AskReason.ADDRESS_DIFFERS, AskReason.NO_RETURN_PATH);
        assertThat(server.sentMail()).isEmpty();
    }

    @Test
    void messagesWithoutRequestOrThatMustNotBeAnsweredGetNone(IceWarpServer server) {
        List<ReceiptRequest> asked = new ArrayList<>();
        ReadReceipts receipts = receipts(server, UTC_DATES.withMode(ReceiptMode.ALWAYS)).prompt((r, why) -> asked.add(r)).build();

        assertThat(receipts.messageRead(message("Return-Path: <anne@iwdemo.test>", "Message-ID: <a@x>"), READ))
                .isEqualTo(ReceiptOutcome.NOT_REQUESTED);
        assertThat(receipts.messageRead(message("Return-Path: <anne@iwdemo.test>", "Message-ID: <b@x>",
                "Disposition-Notification-To: anne@iwdemo.test", "Auto-Submitted: auto-generated"), READ))
                .isEqualTo(ReceiptOutcome.NOT_ALLOWED);
        assertThat(receipts.messageRead(message("Return-Path: <anne@iwdemo.test>", "Message-ID: <c@x>",
                "Disposition-Notification-To: anne@iwdemo.test", "List-Id: <team.iwdemo.test>"), READ))
                .isEqualTo(ReceiptOutcome.NOT_ALLOWED);
        assertThat(receipts.messageRead(message("Return-Path: <anne@iwdemo.test>", "Message-ID: <d@x>",
                "Disposition-Notification-To: anne@iwdemo.test",
                "Content-Type: multipart/report; report-type=disposition-notification; boundary=\"x\""), READ))
                .isEqualTo(ReceiptOutcome.NOT_ALLOWED);

        assertThat(server.sentMail()).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void anUntrustedCertificateStopsTheReceiptWhichALaterAttemptSends(IceWarpServer server) {
        CertificateTrust trust = CertificateTrust.inMemory();
        ReceiptSender sender = ReceiptSender.builder(new Endpoint(server.smtp().host(), server.smtp().port(), Security.STARTTLS))
                .credentials(JEAN, "secret".toCharArray()).trust(trust).build();
        ReadReceipts receipts = ReadReceipts.builder(JEAN, sender).policy(UTC_DATES.withMode(ReceiptMode.ALWAYS)).build();

        assertThatThrownBy(() -> receipts.messageRead(request("<m1@iwdemo.test>", "Budget"), READ))
                .isInstanceOfSatisfying(UntrustedCertificateException.class,
                        e -> assertThat(e.chain()).first().isEqualTo(server.certificate()))
                .hasMessageNotContaining("secret");
        assertThat(server.sentMail()).isEmpty();

        trust.accept(server.certificate());

        assertThat(receipts.messageRead(request("<m1@iwdemo.test>", "Budget"), READ)).isEqualTo(ReceiptOutcome.SENT);
        assertThat(server.sentMail()).hasSize(1);
    }

    // ------------------------------------------------------------------ helpers

    private static ReadReceipts.Builder receipts(IceWarpServer server, ReceiptPolicy policy) {
        ReceiptSender sender = ReceiptSender.builder(new Endpoint(server.smtp().host(), server.smtp().port(), Security.STARTTLS))
                .credentials(JEAN, "secret".toCharArray())
                .trust(CertificateTrust.inMemory(server.certificate()))
                .build();
        return ReadReceipts.builder(JEAN, sender).policy(policy);
    }

    /** A message from Anne to Jean asking for a receipt, its Return-Path matching. */
    private static byte[] request(String messageId, String subject) {
        return message("Return-Path: <anne@iwdemo.test>", "Message-ID: " + messageId, "Subject: " + subject,
                "Disposition-Notification-To: Anne <anne@iwdemo.test>");
    }

    private static byte[] message(String... headers) {
        StringBuilder b = new StringBuilder();
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        b.append("From: Anne <anne@iwdemo.test>\r\nTo: Jean <jean@iwdemo.test>\r\n")
                .append("Date: Mon, 24 Mar 2025 09:00:00 +0100\r\n");
        if (b.indexOf("Subject:") < 0) {
            b.append("Subject: Hello\r\n");
        }
        if (b.indexOf("Content-Type:") < 0) {
            b.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n");
        }
        return b.append("\r\nHello Jean.\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static String text(BodyPart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
