package io.icesync.groupware.mdn;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Builds an RFC 8098 message disposition notification: {@code multipart/report;
 * report-type=disposition-notification} with the human-readable text, the
 * {@code message/disposition-notification} fields, and the original's header lines.
 */
final class MdnMessage {
    private MdnMessage() {
    }

    /** {@code multipart/report} with its report-type, which MimeMultipart's own constructor cannot say. */
    private static final class Report extends MimeMultipart {
        Report() throws MessagingException {
            super("report");
            ContentType ct = new ContentType(contentType);
            ct.setParameter("report-type", "disposition-notification");
            contentType = ct.toString();
        }
    }

    static MimeMessage build(Session session, ReceiptRequest request, String user, String text, boolean automatic,
            String reportingUa, Instant now) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(user));
        for (String to : request.notifyTo()) {
            m.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        }
        m.setSubject("Read: " + request.subject(), "UTF-8");
        m.setSentDate(Date.from(now));
        if (request.messageId() != null) {
            m.setHeader("In-Reply-To", request.messageId());
            m.setHeader("References", request.messageId());
        }
        if (automatic) {
            // RFC 3834: a responder must not answer this one in turn.
            m.setHeader("Auto-Submitted", "auto-replied");
        }

        MimeBodyPart human = new MimeBodyPart();
        human.setText(text, "UTF-8");

        StringBuilder fields = new StringBuilder();
        fields.append("Reporting-UA: ").append(reportingUa).append("\r\n");
        if (request.originalRecipient() != null) {
            fields.append("Original-Recipient: ").append(request.originalRecipient()).append("\r\n");
        }
        fields.append("Final-Recipient: rfc822;").append(user).append("\r\n");
        if (request.messageId() != null) {
            fields.append("Original-Message-ID: ").append(request.messageId()).append("\r\n");
        }
        fields.append("Disposition: ").append(automatic ? "automatic-action/MDN-sent-automatically"
                : "manual-action/MDN-sent-manually").append("; displayed\r\n");
        MimeBodyPart report = new MimeBodyPart();
        report.setDataHandler(new DataHandler(new ByteArrayDataSource(fields.toString().getBytes(StandardCharsets.UTF_8),
                "message/disposition-notification")));
        report.setHeader("Content-Type", "message/disposition-notification");

        MimeBodyPart original = new MimeBodyPart();
        original.setDataHandler(new DataHandler(new ByteArrayDataSource(request.headers().getBytes(StandardCharsets.UTF_8),
                "text/rfc822-headers")));
        original.setHeader("Content-Type", "text/rfc822-headers");

        MimeMultipart multipart = new Report();
        multipart.addBodyPart(human);
        multipart.addBodyPart(report);
        multipart.addBodyPart(original);
        m.setContent(multipart);
        m.saveChanges();
        return m;
    }
}
