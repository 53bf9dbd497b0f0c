package io.icesync.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PropfindTest {
    private final AtomicReference<String> answer = new AtomicReference<>();
    private DavTestServer server;
    private WebDavClient client;

    @BeforeEach
    void start() throws Exception {
        server = new DavTestServer(ex -> {
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/xml; charset=utf-8");
            ex.sendResponseHeaders(207, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        client = WebDavClient.builder(server.base()).credentials("jean@iwdemo.test", "secret".toCharArray()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aDepthOneListingGivesEveryMemberWithItsProperties() {
        // Prefixes as real servers write them: D:, Apache's lp1: with a dt attribute, and the default namespace.
        answer.set("""
                <?xml version="1.0" encoding="utf-8"?>
                <D:multistatus xmlns:D="DAV:">
                  <D:response>
                    <D:href>/dav/Docs/</D:href>
                    <D:propstat>
                      <D:prop>
                        <D:displayname>Docs</D:displayname>
                        <D:resourcetype><D:collection/></D:resourcetype>
                        <D:getlastmodified>Tue, 03 Sep 2024 08:15:00 GMT</D:getlastmodified>
                      </D:prop>
                      <D:status>HTTP/1.1 200 OK</D:status>
                    </D:propstat>
                  </D:response>
                  <D:response>
                    <D:href>/dav/Docs/%C3%A9t%C3%A9%202024+final.pdf</D:href>
                    <D:propstat>
                      <D:prop>
                        <lp1:getetag xmlns:lp1="DAV:">"5f2-61c"</lp1:getetag>
                        <lp1:getcontentlength xmlns:lp1="DAV:">1564</lp1:getcontentlength>
                        <lp1:getlastmodified xmlns:lp1="DAV:" xmlns:b="urn:uuid:c2f41010-65b3-11d1-a29f-00aa00c14882/"
                            b:dt="dateTime.rfc1123">Wed, 04 Sep 2024 10:00:30 GMT</lp1:getlastmodified>
                        <lp1:resourcetype xmlns:lp1="DAV:"/>
                        <getcontenttype xmlns="DAV:">application/pdf</getcontenttype>
                      </D:prop>
                      <D:status>HTTP/1.1 200 OK</D:status>
                    </D:propstat>
                    <D:propstat>
                      <D:prop><D:displayname/></D:prop>
                      <D:status>HTTP/1.1 404 Not Found</D:status>
                    </D:propstat>
                  </D:response>
                  <D:response>
                    <D:href>BASEDocs/notes.txt</D:href>
                    <D:propstat>
                      <D:prop>
                        <D:getcontentlength>0</D:getcontentlength>
                        <D:resourcetype></D:resourcetype>
                      </D:prop>
                      <D:status>HTTP/1.1 200 OK</D:status>
                    </D:propstat>
                  </D:response>
                  <D:response>
                    <D:href>/dav/Docs/private/</D:href>
                    <D:status>HTTP/1.1 403 Forbidden</D:status>
                  </D:response>
                </D:multistatus>
                """.replace("BASE", server.base().toString()));

        List<DavResource> list = client.propfind("Docs/", Depth.ONE);

        assertThat(list).extracting(DavResource::path).containsExactly("Docs/", "Docs/été 2024+final.pdf", "Docs/notes.txt");
        DavResource folder = list.get(0);
        assertThat(folder.collection()).isTrue();
        assertThat(folder.displayName()).isEqualTo("Docs");
        assertThat(folder.length()).isEqualTo(-1);
        assertThat(folder.lastModified()).isEqualTo(Instant.parse("2024-09-03T08:15:00Z"));
        DavResource pdf = list.get(1);
        assertThat(pdf.collection()).isFalse();
        assertThat(pdf.name()).isEqualTo("été 2024+final.pdf");
        assertThat(pdf.etag()).isEqualTo("\"5f2-61c\"");
        assertThat(pdf.length()).isEqualTo(1564);
        assertThat(pdf.lastModified()).isEqualTo(Instant.parse("2024-09-04T10:00:30Z"));
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.displayName()).isNull();
        assertThat(pdf.href()).isEqualTo(server.base().resolve("Docs/%C3%A9t%C3%A9%202024+final.pdf"));
        assertThat(list.get(2).length()).isZero();
        assertThat(list.get(2).etag()).isNull();

        DavTestServer.Seen request = server.seen("PROPFIND").get(0);
        assertThat(request.rawPath()).isEqualTo("/dav/Docs/");
        assertThat(request.header("Depth")).isEqualTo("1");
        assertThat(request.text()).contains("getetag", "getcontentlength", "getlastmodified", "resourcetype",
                "getcontenttype", "displayname");
    }

    @Test
    void pathsAreEncodedOnTheWayOut() {
        answer.set("""
                <D:multistatus xmlns:D="DAV:"><D:response><D:href>/dav/a%20b/%C3%A9%23%3F.txt</D:href>
                <D:propstat><D:prop><D:resourcetype/></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
                </D:response></D:multistatus>""");

        List<DavResource> list = client.propfind("a b/é#?.txt", Depth.ZERO);

        assertThat(server.seen("PROPFIND").get(0).rawPath()).isEqualTo("/dav/a%20b/%C3%A9%23%3F.txt");
        assertThat(server.seen("PROPFIND").get(0).header("Depth")).isEqualTo("0");
        assertThat(list).singleElement().extracting(DavResource::path).isEqualTo("a b/é#?.txt");
    }

    @Test
    void aBodyThatIsNotWellFormedXmlIsATypedErrorNamingTheUrl() {
        answer.set("<D:multistatus xmlns:D=\"DAV:\"><D:response><D:href>/dav/x</D:href></D:multistatus>");

        assertThatThrownBy(() -> client.propfind("x", Depth.ZERO))
                .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                    assertThat(e.url()).isEqualTo(server.base() + "x");
                    assertThat(e.status()).isEqualTo(207);
                    assertThat(e.getMessage()).contains(server.base() + "x").doesNotContain("secret");
                });
    }

    @Test
    void aDocumentDeclaringEntitiesIsRefused() {
        answer.set("""
                <?xml version="1.0"?>
                <!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <D:multistatus xmlns:D="DAV:"><D:response><D:href>&x;</D:href></D:response></D:multistatus>""");

        assertThatThrownBy(() -> client.propfind("x", Depth.ZERO)).isInstanceOf(MalformedResponseException.class)
                .hasMessageNotContaining("root:");
    }
}
