package io.icesync.webdav.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void davElementsAreFoundUnderAnyPrefixAndSameNamedElementsOfAnotherNamespaceAreNotTakenForThem() throws Exception {
        // "D" is bound to a namespace that is not DAV:, and each foreign element comes first, where a
        // match by local name alone would take it.
        Multistatus.Document d = Multistatus.read(new ByteArrayInputStream(("<zz:multistatus xmlns:zz=\"DAV:\""
                + " xmlns:D=\"urn:example:not-dav\"><D:sync-token>forged</D:sync-token>"
                + "<D:response><D:href>/files/forged.txt</D:href></D:response>"
                + "<zz:response><D:href>/files/wrong.txt</D:href><zz:href>/files/a.txt</zz:href>"
                + "<D:propstat><D:prop><zz:getetag>\"forged\"</zz:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>"
                + "<zz:propstat><zz:prop><D:getetag>\"foreign\"</D:getetag><zz:getetag>\"e1\"</zz:getetag>"
                + "<D:resourcetype><zz:collection/></D:resourcetype><zz:resourcetype><D:collection/></zz:resourcetype>"
                + "<D:displayname>foreign</D:displayname></zz:prop>"
                + "<D:status>HTTP/1.1 500 Foreign</D:status><zz:status>HTTP/1.1 200 OK</zz:status></zz:propstat>"
                + "</zz:response><zz:sync-token>urn:t:7</zz:sync-token></zz:multistatus>").getBytes(StandardCharsets.UTF_8)));

        assertThat(d.entries()).singleElement().satisfies(e -> {
            assertThat(e.href()).isEqualTo("/files/a.txt");
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.text("getetag")).isEqualTo("\"e1\"");
            assertThat(e.text("displayname")).isNull();
            assertThat(e.text("urn:example:not-dav", "displayname")).isEqualTo("foreign");
            assertThat(e.hasChild("resourcetype", "collection")).isFalse();
        });
        assertThat(d.syncToken()).isEqualTo("urn:t:7");
    }

    @Test
    void aRootOfAnotherNamespaceIsNotAMultistatus() {
        assertThatThrownBy(() -> parse("<D:multistatus xmlns:D=\"urn:example:not-dav\"><D:response><D:href>/x</D:href>"
                + "</D:response></D:multistatus>"))
                .isInstanceOf(Multistatus.MalformedException.class).hasMessageContaining("urn:example:not-dav");
    }

    @Test
    void anAnswerNestedDeeperThanTheReadersLimitIsMalformedNamingTheLimit() {
        String deep = "<D:multistatus xmlns:D=\"DAV:\"><D:response><D:href>/x</D:href><D:propstat><D:prop><D:displayname>"
                + "<x>".repeat(200) + "</x>".repeat(200) + "</D:displayname></D:prop>"
                + "<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>";

        assertThatThrownBy(() -> parse(deep)).isInstanceOf(Multistatus.MalformedException.class)
                .hasMessageContaining("maxDepth");
    }
}
