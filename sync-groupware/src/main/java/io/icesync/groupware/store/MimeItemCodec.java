package io.icesync.groupware.store;

import io.icesync.core.FolderKind;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The default codec: one iCalendar or vCard object per message, as a {@code text/calendar} or
 * {@code text/vcard} body (or the first such part or {@code .ics}/{@code .vcf} attachment of a
 * message written by another client), with the summary or the contact's name as Subject. A message
 * with no such part is kept whole ({@code eml}); one whose object cannot be read is refused with a
 * {@link MalformedItemException}, so the sync retries it and then lists it as ignored.
 */
public final class MimeItemCodec implements ItemCodec {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss[X]", Locale.ROOT);

    @Override
    public String name() {
        return "mime";
    }

    @Override
    public LocalObject decode(FolderKind kind, byte[] message) {
        try {
            MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(message));
            Part p = find(m);
            if (p != null) {
                byte[] content;
                try (InputStream in = p.getInputStream()) {
                    content = in.readAllBytes();
                }
                boolean card = p.isMimeType("text/vcard") || p.isMimeType("text/x-vcard") || p.isMimeType("text/directory")
                        || name(p).endsWith(".vcf");
                ObjectText text = ObjectText.of(content);
                if (text.problem() != null) {
                    throw new MalformedItemException((card ? "a vCard" : "an iCalendar object") + " that cannot be read: "
                            + text.problem());
                }
                return new LocalObject(text.uid(), card ? "vcf" : "ics", content);
            }
        } catch (MalformedItemException e) {
            throw e;
        } catch (MessagingException | IOException | RuntimeException e) {
            // Not a message this codec understands: kept as it came.
        }
        return new LocalObject(null, "eml", message);
    }

    private static Part find(Part p) throws MessagingException, IOException {
        if (p.isMimeType("text/calendar") || p.isMimeType("application/ics") || p.isMimeType("text/vcard")
                || p.isMimeType("text/x-vcard") || p.isMimeType("text/directory")
                || name(p).endsWith(".ics") || name(p).endsWith(".vcf")) {
            return p;
        }
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                Part f = find(b);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    private static String name(Part p) {
        try {
            String n = p.getFileName();
            return n == null ? "" : n.toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return "";
        }
    }

    @Override
    public byte[] encode(FolderKind kind, LocalObject object) {
        if (object.extension().equals("eml")) {
            return object.content();
        }
        boolean card = object.extension().equals("vcf");
        ObjectText text = ObjectText.of(object.content());
        String subject = text.first(card ? "FN" : "SUMMARY");
        if (subject == null || subject.isBlank()) {
            subject = object.key() != null ? object.key() : (card ? "Contact" : "Item");
        }
        String messageId = "<" + ObjectText.sha256(object.content()).substring(0, 40) + "@icesync.invalid>";
        try {
            MimeMessage m = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            m.setFrom(new InternetAddress("noreply@icesync.invalid", "IceSync", "UTF-8"));
            m.setSubject(unescape(subject), "UTF-8");
            m.setSentDate(Date.from(stamp(text)));
            m.setText(new String(object.content(), StandardCharsets.UTF_8), "UTF-8", card ? "vcard" : "calendar");
            m.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(object.content().length + 512);
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot build the message for " + object.key() + ": " + e.getMessage(), e);
        }
    }

    /** The object's own time of change, so the message's Date is the same each time it is built. */
    private static Instant stamp(ObjectText text) {
        for (String p : ObjectText.stampProperties()) {
            String v = text.first(p);
            if (v == null) {
                continue;
            }
            try {
                String s = v.replace("-", "").replace(":", "");
                return s.endsWith("Z") ? LocalDateTime.parse(s.substring(0, s.length() - 1), DateTimeFormatter.ofPattern(
                        "uuuuMMdd'T'HHmmss", Locale.ROOT)).toInstant(ZoneOffset.UTC)
                        : LocalDateTime.parse(s, STAMP).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next one
            }
        }
        return Instant.EPOCH;
    }

    private static String unescape(String v) {
        return v.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
    }

}
