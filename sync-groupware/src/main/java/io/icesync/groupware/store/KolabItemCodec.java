package io.icesync.groupware.store;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import io.icesync.core.FolderKind;
import io.icesync.core.xml.SafeDom;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import org.w3c.dom.Document;

/**
 * Kolab format 3 (the groupware-over-IMAP layout IceWarp also reads): a message with
 * {@code X-Kolab-Type} and the object as an XML attachment. Contacts (xCard,
 * {@code application/vcard+xml}) are read into vCard 4.0 files and written back as xCard. Events,
 * tasks, notes and journal entries use xCal or Kolab's own XML, which the libraries IceSync builds on
 * do not read: such messages are kept whole ({@code eml}) and travel back unchanged, and new events
 * written here go out in the default MIME form ({@link MimeItemCodec}).
 */
public final class KolabItemCodec implements ItemCodec {
    static final String TYPE_HEADER = "X-Kolab-Type";
    private static final String CONTACT_TYPE = "application/x-vnd.kolab.contact";
    private static final Session SESSION = Session.getInstance(new Properties());
    private final MimeItemCodec mime = new MimeItemCodec();

    @Override
    public String name() {
        return "kolab3";
    }

    /** Whether a message is a Kolab object (it carries {@code X-Kolab-Type}). */
    static boolean isKolab(byte[] message) {
        int end = Math.min(message.length, 16 * 1024);
        String head = new String(message, 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int blank = head.indexOf("\r\n\r\n");
        return (blank < 0 ? head : head.substring(0, blank)).contains("\nx-kolab-type:")
                || head.startsWith("x-kolab-type:");
    }

    @Override
    public LocalObject decode(FolderKind kind, byte[] message) {
        if (!isKolab(message)) {
            return mime.decode(kind, message);
        }
        try {
            MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(message));
            String type = m.getHeader(TYPE_HEADER, null);
            if (type != null && type.trim().equalsIgnoreCase(CONTACT_TYPE)) {
                byte[] xml = part(m, "application/vcard+xml");
                if (xml != null) {
                    VCard card = readXCard(xml);
                    byte[] text = Ezvcard.write(card).version(VCardVersion.V4_0).prodId(false).go()
                            .getBytes(StandardCharsets.UTF_8);
                    return new LocalObject(ObjectText.of(text).uid(), "vcf", text);
                }
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new MalformedItemException("a Kolab object that cannot be read: " + e.getMessage());
        }
        return new LocalObject(null, "eml", message);
    }

    private static VCard readXCard(byte[] xml) throws IOException {
        Document doc = SafeDom.parse(xml); // DTDs and external entities refused before ez-vcard sees it
        VCard card = Ezvcard.parseXml(doc).first();
        if (card == null) {
            throw new IOException("no vCard in the xCard document");
        }
        return card;
    }

    private static byte[] part(MimeMessage m, String type) throws MessagingException, IOException {
        if (!m.isMimeType("multipart/*")) {
            return null;
        }
        Multipart mp = (Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart b = mp.getBodyPart(i);
            if (b.isMimeType(type)) {
                try (InputStream in = b.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }

    @Override
    public byte[] encode(FolderKind kind, LocalObject object) {
        if (!object.extension().equals("vcf")) {
            return mime.encode(kind, object);
        }
        VCard card = Ezvcard.parse(new String(object.content(), StandardCharsets.UTF_8)).first();
        if (card == null) {
            return mime.encode(kind, object);
        }
        String uid = object.key() != null ? object.key() : "contact";
        String messageId = "<" + ObjectText.sha256(object.content()).substring(0, 40) + "@icesync.invalid>";
        try {
            MimeMessage m = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            m.setFrom(new InternetAddress("noreply@icesync.invalid", "IceSync", "UTF-8"));
            m.setSubject(uid, "UTF-8");
            m.setSentDate(new Date(0));
            m.setHeader(TYPE_HEADER, CONTACT_TYPE);
            m.setHeader("X-Kolab-Mime-Version", "3.0");
            MimeBodyPart note = new MimeBodyPart();
            note.setText("This is a Kolab groupware object.", "UTF-8");
            MimeBodyPart xml = new MimeBodyPart();
            xml.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(
                    Ezvcard.writeXml(card).go().getBytes(StandardCharsets.UTF_8), "application/vcard+xml")));
            xml.setFileName("kolab.xml");
            // A fixed boundary: the same contact always gives the same message.
            String boundary = "icesync-" + messageId.substring(1, 25);
            MimeMultipart mp = new MimeMultipart(note, xml) {
                {
                    contentType = "multipart/mixed; boundary=\"" + boundary + "\"";
                }
            };
            m.setContent(mp);
            m.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot build the Kolab message for " + uid + ": " + e.getMessage(), e);
        }
    }
}
