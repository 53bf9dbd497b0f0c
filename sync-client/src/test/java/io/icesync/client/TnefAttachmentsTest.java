package io.icesync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A received winmail.dat (F10.5) opened into the files it carries, with Outlook's own sample
 * (Apache POI's {@code quick-winmail.dat}) inside a real MIME message as a Maildir holds it.
 */
class TnefAttachmentsTest {
    static final String QUICK_TXT = "The quick brown fox jumps over the lazy dog";

    @TempDir
    Path tmp;

    @Test
    void aMessagesWinmailDatOpensIntoItsAttachmentsAndItsBody() throws Exception {
        Path message = message(resource("quick-winmail.dat"), "application/ms-tnef");
        Path out = tmp.resolve("out");

        List<Path> files = TnefAttachments.open(message, out);

        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("quick.doc", "quick.html", "quick.pdf", "quick.txt", "quick.xml", "message.rtf");
        assertThat(files).allSatisfy(p -> assertThat(p.getParent()).isEqualTo(out));
        assertThat(Files.readString(out.resolve("quick.txt"), StandardCharsets.UTF_8)).startsWith(QUICK_TXT)
                .contains("Der schnelle braune Fuchs springt über den faulen Hund");
        assertThat(Files.readAllBytes(out.resolve("quick.pdf"))).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.readString(out.resolve("message.rtf"), StandardCharsets.ISO_8859_1)).startsWith("{\\rtf1");
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .allSatisfy(n -> assertThat(n).doesNotStartWith("."));
        }

        assertThat(TnefAttachments.open(message, out)).as("opening again gives the same files, not copies")
                .isEqualTo(files);
    }

    @Test
    void aBareWinmailDatAndAPartNamedWinmailDatAreOpenedToo() throws Exception {
        Path bare = tmp.resolve("winmail.dat");
        Files.write(bare, resource("quick-winmail.dat"));
        assertThat(TnefAttachments.open(bare, tmp.resolve("a"))).extracting(p -> p.getFileName().toString())
                .contains("quick.txt");

        Path octet = message(resource("quick-winmail.dat"), "application/octet-stream");
        assertThat(TnefAttachments.open(octet, tmp.resolve("b"))).extracting(p -> p.getFileName().toString())
                .contains("quick.txt");
    }

    @Test
    void aMessageWithoutTnefGivesNothingAndWritesNothing() throws Exception {
        Path message = tmp.resolve("plain.eml");
        Files.writeString(message, "From: a@example.org\r\nTo: b@example.org\r\nSubject: hi\r\n\r\nHello\r\n");
        assertThat(TnefAttachments.open(message, tmp.resolve("out"))).isEmpty();
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aDamagedWinmailDatIsATypedErrorNamingTheFileAndNothingIsWritten() throws Exception {
        byte[] quick = resource("quick-winmail.dat");
        for (byte[] damaged : List.of(resource("oom.tnef"), Arrays.copyOf(quick, quick.length / 3))) {
            Path message = message(damaged, "application/ms-tnef");
            Path out = tmp.resolve("out-" + damaged.length);
            assertThatThrownBy(() -> TnefAttachments.open(message, out))
                    .isInstanceOfSatisfying(InvalidTnefException.class, e -> assertThat(e.file()).isEqualTo(message))
                    .hasMessageContaining("winmail.dat").hasMessageContaining(message.toString())
                    .hasMessageContaining("cannot be opened");
            try (var listing = Files.list(out)) {
                assertThat(listing).isEmpty();
            }
        }
    }

    /** A message as a Maildir holds it: text, then the TNEF part in base64 named winmail.dat. */
    private Path message(byte[] tnef, String type) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom("Outlook User <outlook@example.org>");
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, "jean@iwdemo.test");
        m.setSubject("Rapport");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Voir la pièce jointe.", "UTF-8");
        MimeBodyPart att = new MimeBodyPart();
        att.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(tnef, type)));
        att.setFileName("winmail.dat");
        att.setHeader("Content-Transfer-Encoding", "base64");
        m.setContent(new MimeMultipart(text, att));
        m.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.writeTo(bytes);
        Path file = tmp.resolve("1711270800.M1P1.host,S=" + bytes.size() + ":2,S");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TnefAttachmentsTest.class.getResourceAsStream("/tnef/" + name)) {
            return in.readAllBytes();
        }
    }
}
