package io.icesync.webdav.dav.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.webdav.internal.Multistatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Multiget and sync-collection answers as servers send them, read with core's XML reader, and the CRLF
 * line ends put back: the bytes handed on must be the object a GET gives.
 */
class MultigetAnswerTest {
    static final String VCARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:k1\r\nFN:K & <One>\r\nNOTE:a long note that is fol\r\n"
            + " ded here\r\nEND:VCARD\r\n";

    static Multistatus.Document read(String xml) throws Exception {
        return Multistatus.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** What XML transport does to text: escaped, CRLF sent raw (a parser reads LF). */
    static String asXmlText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Test
    void aRadicaleStyleAnswerGivesTheObjectBackByteForByteAndA404ForTheMissingHref() throws Exception {
        String xml = "<?xml version='1.0' encoding='utf-8'?>\n<multistatus xmlns=\"DAV:\" xmlns:CR=\"urn:ietf:params:xml:ns:carddav\">"
                + "<response><href>/jean%40iwdemo.test/book/missing.vcf</href><status>HTTP/1.1 404 Not Found</status></response>"
                + "<response><href>/jean%40iwdemo.test/book/k1.vcf</href><propstat><prop><getetag>\"abc\"</getetag>"
                + "<CR:address-data>" + asXmlText(VCARD) + "</CR:address-data></prop><status>HTTP/1.1 200 OK</status>"
                + "</propstat></response></multistatus>";

        List<Multistatus.Entry> entries = read(xml).entries();

        assertThat(entries).extracting(Multistatus.Entry::status).containsExactly(404, 200);
        assertThat(entries.get(0).props()).isNull();
        assertThat(entries.get(1).text(Multistatus.CARDDAV, "address-data")).doesNotContain("\r");
        assertThat(LineEnds.crlf(entries.get(1).text(Multistatus.CARDDAV, "address-data"))).isEqualTo(VCARD.getBytes(StandardCharsets.UTF_8));
        assertThat(entries.get(1).text("getetag")).isEqualTo("\"abc\"");
    }

    @Test
    void calendarDataWithAttributesOrInCdataIsReadToo() throws Exception {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:e1\r\nSUMMARY:Zoë's 会議\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        String xml = "<D:multistatus xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
                + "<D:response><D:href>/c/e1.ics</D:href><D:propstat><D:prop><D:getetag>W/\"1\"</D:getetag>"
                + "<C:calendar-data content-type=\"text/calendar\" version=\"2.0\">\n" + asXmlText(ics) + "</C:calendar-data>"
                + "</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>"
                + "<D:response><D:href>/c/e2.ics</D:href><D:propstat><D:prop><C:calendar-data><![CDATA[" + ics.replace("e1", "e2")
                + "]]></C:calendar-data></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>";

        List<Multistatus.Entry> entries = read(xml).entries();

        byte[] first = LineEnds.crlf(entries.get(0).text(Multistatus.CALDAV, "calendar-data"));
        assertThat(first).isEqualTo(ics.getBytes(StandardCharsets.UTF_8));
        assertThat(first.length).as("UTF-8 bytes, not characters").isGreaterThan(ics.length());
        assertThat(LineEnds.crlf(entries.get(1).text(Multistatus.CALDAV, "calendar-data"))).isEqualTo(ics.replace("e1", "e2").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSyncCollectionAnswerCarriesItsTokenAtTheTop() throws Exception {
        Multistatus.Document d = read("<multistatus xmlns=\"DAV:\"><sync-token>http://radicale.org/ns/sync/9d</sync-token>"
                + "<response><href>/c/gone.ics</href><status>HTTP/1.1 404 Not Found</status></response></multistatus>");
        Multistatus.Document none = read("<multistatus xmlns=\"DAV:\"><sync-token>urn:t:2</sync-token></multistatus>");

        assertThat(d.syncToken()).isEqualTo("http://radicale.org/ns/sync/9d");
        assertThat(d.entries()).extracting(Multistatus.Entry::status).containsExactly(404);
        assertThat(none.syncToken()).isEqualTo("urn:t:2");
        assertThat(none.entries()).isEmpty();
    }

    @Test
    void lineEndsBecomeCrlfWhateverTheyWere() {
        assertThat(text(LineEnds.crlf("A:1\nB:2"))).isEqualTo("A:1\r\nB:2\r\n");
        assertThat(text(LineEnds.crlf("A:1\r\nB:2\r\n"))).isEqualTo("A:1\r\nB:2\r\n");
        assertThat(text(LineEnds.crlf("A:1\rB:2\n"))).isEqualTo("A:1\r\nB:2\r\n");
        assertThat(text(LineEnds.crlf("A:lo\n ng\n\tx"))).as("folded lines stay folded").isEqualTo("A:lo\r\n ng\r\n\tx\r\n");
        assertThat(LineEnds.crlf("")).isEmpty();
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
