package io.icesync.groupware.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.FolderKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Kolab format 3 messages as a Kolab client writes them: contacts read and written, other objects kept whole. */
class KolabItemCodecTest {
    static final String XCARD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<vcards xmlns=\"urn:ietf:params:xml:ns:vcard-4.0\"><vcard>"
            + "<uid><uri>urn:uuid:7b1c9e0a-kolab</uri></uid>"
            + "<x-kolab-version><text>3.1.0</text></x-kolab-version>"
            + "<fn><text>Élise Moreau</text></fn>"
            + "<n><surname>Moreau</surname><given>Élise</given><additional/><prefix/><suffix/></n>"
            + "<email><parameters><type><text>work</text></type></parameters><text>elise@example.com</text></email>"
            + "<tel><parameters><type><text>cell</text></type></parameters><uri>tel:+33612345678</uri></tel>"
            + "</vcard></vcards>\n";

    static byte[] kolabMessage(String type, String partType, String payload) {
        return ("From: elise@example.com\r\nTo: elise@example.com\r\nDate: Mon, 02 Nov 2026 08:00:00 +0000\r\n"
                + "Subject: urn:uuid:7b1c9e0a-kolab\r\nMessage-ID: <k1@kolab.example>\r\nMIME-Version: 1.0\r\n"
                + "X-Kolab-Type: " + type + "\r\nX-Kolab-Mime-Version: 3.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nThis is a Kolab Groupware object.\r\n"
                + "--b1\r\nContent-Type: " + partType + "; name=\"kolab.xml\"\r\n"
                + "Content-Disposition: attachment; filename=\"kolab.xml\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + payload + "\r\n--b1--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    final ItemCodec codec = new AutoItemCodec(new KolabItemCodec());

    @Test
    void aKolabContactBecomesAVCardAndGoesBackAsKolab() {
        LocalObject o = codec.decode(FolderKind.CONTACTS,
                kolabMessage("application/x-vnd.kolab.contact", "application/vcard+xml", XCARD));

        String text = new String(o.content(), StandardCharsets.UTF_8);
        assertThat(o.extension()).isEqualTo("vcf");
        assertThat(o.key()).isEqualTo("urn:uuid:7b1c9e0a-kolab");
        assertThat(text).contains("VERSION:4.0", "FN:Élise Moreau", "elise@example.com", "+33612345678");

        byte[] back = codec.encode(FolderKind.CONTACTS, o);
        String message = new String(back, StandardCharsets.UTF_8);
        assertThat(message).contains("X-Kolab-Type: application/x-vnd.kolab.contact", "application/vcard+xml",
                "kolab.xml");
        assertThat(codec.encode(FolderKind.CONTACTS, o)).as("the same contact gives the same message").isEqualTo(back);
        LocalObject again = codec.decode(FolderKind.CONTACTS, back);
        assertThat(again.key()).isEqualTo(o.key());
        assertThat(new String(again.content(), StandardCharsets.UTF_8)).contains("FN:Élise Moreau", "elise@example.com");
    }

    @Test
    void aKolabEventIsKeptWholeAndTravelsBackUnchanged() {
        byte[] event = kolabMessage("application/x-vnd.kolab.event", "application/calendar+xml",
                "<icalendar xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\"><vcalendar/></icalendar>");
        LocalObject o = codec.decode(FolderKind.EVENTS, event);
        assertThat(o.extension()).isEqualTo("eml");
        assertThat(codec.encode(FolderKind.EVENTS, o)).isEqualTo(event);
    }

    @Test
    void aPlainMimeObjectInTheSameFolderIsStillRead() {
        byte[] mime = ("Message-ID: <m@x>\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: text/vcard; charset=utf-8\r\n\r\n"
                + "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:m1\r\nFN:Paul\r\nEND:VCARD\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(codec.decode(FolderKind.CONTACTS, mime).key()).isEqualTo("m1");
    }

    @Test
    void anXCardDeclaringADtdIsRefused() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE v [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<vcards xmlns=\"urn:ietf:params:xml:ns:vcard-4.0\"><vcard><fn><text>&x;</text></fn></vcard></vcards>";
        assertThatThrownBy(() -> codec.decode(FolderKind.CONTACTS,
                kolabMessage("application/x-vnd.kolab.contact", "application/vcard+xml", hostile)))
                .isInstanceOf(MalformedItemException.class).hasMessageNotContaining("root:");
    }
}
