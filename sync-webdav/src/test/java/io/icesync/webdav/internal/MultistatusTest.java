package io.icesync.webdav.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultistatusTest {
    static List<Multistatus.Entry> parse(String xml) throws Exception {
        return Multistatus.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void propertiesFoundInSeveralPropstatsAreAllKeptAndAMissingOneIsAbsent() throws Exception {
        List<Multistatus.Entry> e = parse("<?xml version=\"1.0\"?><D:multistatus xmlns:D=\"DAV:\"><D:response>"
                + "<D:href>/files/a.txt</D:href>"
                + "<D:propstat><D:prop><D:getetag>\"e1\"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>"
                + "<D:propstat><D:prop><D:quota-used-bytes/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>"
                + "<D:propstat><D:prop><D:getcontentlength>42</D:getcontentlength></D:prop>"
                + "<D:status>HTTP/1.1 200 OK</D:status></D:propstat>"
                + "</D:response></D:multistatus>");

        assertThat(e).hasSize(1);
        assertThat(e.get(0).status()).isEqualTo(200);
        assertThat(e.get(0).text("getetag")).isEqualTo("\"e1\"");
        assertThat(e.get(0).contentLength()).isEqualTo(42);
        assertThat(e.get(0).text("quota-used-bytes")).isNull();
    }

    @Test
    void aLengthThatIsNotANumberIsUnknown() throws Exception {
        List<Multistatus.Entry> e = parse("<D:multistatus xmlns:D=\"DAV:\"><D:response><D:href>/x</D:href>"
                + "<D:propstat><D:prop><D:getcontentlength>many</D:getcontentlength></D:prop>"
                + "<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>");
        assertThat(e.get(0).contentLength()).isEqualTo(-1);
    }
}
