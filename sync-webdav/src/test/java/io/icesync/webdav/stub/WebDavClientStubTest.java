package io.icesync.webdav.stub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.icesync.core.AuthenticationException;
import io.icesync.core.ConnectionException;
import io.icesync.core.IceSyncException;
import io.icesync.core.Timeouts;
import io.icesync.webdav.Depth;
import io.icesync.webdav.DavResource;
import io.icesync.webdav.MalformedResponseException;
import io.icesync.webdav.Precondition;
import io.icesync.webdav.PreconditionFailedException;
import io.icesync.webdav.UnexpectedStatusException;
import io.icesync.webdav.WebDavClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The WebDAV client against a scripted server: the exact requests it sends, and each kind of broken answer. */
class WebDavClientStubTest {
    private static final String USER = "jean@iwdemo.test";
    private static final String PASSWORD = "s3cret-Pw";
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final String LISTING = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:multistatus xmlns:D="DAV:">
              <D:response><D:href>/dav/Docs/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype>
                </D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
              <D:response><D:href>/dav/Docs/a.txt</D:href><D:propstat><D:prop><D:getetag>"e1"</D:getetag>
                <D:getcontentlength>3</D:getcontentlength><D:resourcetype/></D:prop><D:status>HTTP/1.1 200 OK</D:status>
                </D:propstat></D:response>
            </D:multistatus>""";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private WebDavClient client;

    @BeforeEach
    void open() {
        client = clientWith(Timeouts.of(Duration.ofSeconds(10)));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private WebDavClient clientWith(Timeouts timeouts) {
        return WebDavClient.builder(URI.create(server.baseUrl() + "/dav/")).credentials(USER, PASSWORD.toCharArray())
                .timeouts(timeouts).build();
    }

    @Test
    void propfindSendsTheDepthTheBodyAndTheLoginAndReadsTheListing() {
        server.stubFor(request("PROPFIND", urlEqualTo("/dav/Docs/")).withHeader("Depth", equalTo("1"))
                .willReturn(aResponse().withStatus(207).withHeader("Content-Type", "application/xml").withBody(LISTING)));

        List<DavResource> listing = client.propfind("Docs/", Depth.ONE);

        assertThat(listing).extracting(DavResource::path).containsExactly("Docs/", "Docs/a.txt");
        assertThat(listing.get(1).etag()).isEqualTo("\"e1\"");
        server.verify(1, WireMock.requestedFor("PROPFIND", urlEqualTo("/dav/Docs/"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", containing("application/xml"))
                .withRequestBody(WireMock.matchingXPath("/D:propfind/D:prop/D:getetag", java.util.Map.of("D", "DAV:"))));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void aBrokenConnectionIsAConnectionErrorNamingTheRequestAndNoSecret(Fault fault) {
        server.stubFor(request("PROPFIND", urlEqualTo("/dav/Docs/")).willReturn(aResponse().withStatus(207).withFault(fault)));

        assertThatThrownBy(() -> client.propfind("Docs/", Depth.ONE))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("PROPFIND " + server.baseUrl() + "/dav/Docs/")
                .satisfies(WebDavClientStubTest::holdsNoSecret);
    }

    @Test
    void aBrokenChunkedAnswerToAPropfindIsATypedErrorNamingTheRequest() {
        // WireMock sends this fault with status 200: the client refuses it before reading the body.
        server.stubFor(request("PROPFIND", urlEqualTo("/dav/Docs/")).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        assertThatThrownBy(() -> client.propfind("Docs/", Depth.ONE))
                .isInstanceOf(UnexpectedStatusException.class)
                .hasMessageContaining("PROPFIND " + server.baseUrl() + "/dav/Docs/")
                .satisfies(WebDavClientStubTest::holdsNoSecret);
    }

    @Test
    void aMultistatusThatIsNotXmlIsAMalformedResponseNamingTheUrl() {
        server.stubFor(request("PROPFIND", urlEqualTo("/dav/Docs/"))
                .willReturn(aResponse().withStatus(207).withBody("<D:multistatus xmlns:D=\"DAV:\"><D:response><D:href>")));

        assertThatThrownBy(() -> client.propfind("Docs/", Depth.ONE))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("PROPFIND " + server.baseUrl() + "/dav/Docs/")
                .hasMessageContaining("unreadable")
                .satisfies(WebDavClientStubTest::holdsNoSecret);
    }

    @Test
    void aMultistatusThatStallsPastTheReadTimeoutFailsAsATimeout() {
        server.stubFor(request("PROPFIND", urlEqualTo("/dav/Docs/"))
                .willReturn(aResponse().withStatus(207).withBody(LISTING).withChunkedDribbleDelay(4, 8000)));
        try (WebDavClient impatient = clientWith(Timeouts.of(Duration.ofSeconds(10)).withRead(Duration.ofMillis(500)))) {
            assertThatThrownBy(() -> impatient.propfind("Docs/", Depth.ONE))
                    .isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("did not answer in time")
                    .satisfies(WebDavClientStubTest::holdsNoSecret);
        }
    }

    @Test
    void aSlowButSteadyBodyIsReadWholeBecauseTheReadTimeoutIsPerRead() {
        byte[] body = new byte[40_000];
        java.util.Arrays.fill(body, (byte) 'x');
        server.stubFor(get(urlEqualTo("/dav/slow.bin"))
                .willReturn(aResponse().withStatus(200).withBody(body).withChunkedDribbleDelay(8, 1600)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WebDavClient patient = clientWith(Timeouts.of(Duration.ofSeconds(10)).withRead(Duration.ofSeconds(1)))) {
            patient.get("slow.bin", out);
        }
        assertThat(out.toByteArray()).isEqualTo(body);
    }

    @Test
    void aBodyCutMidwayIsAConnectionErrorNotAShortFile() {
        server.stubFor(get(urlEqualTo("/dav/cut.bin"))
                .willReturn(aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        assertThatThrownBy(() -> client.get("cut.bin", new ByteArrayOutputStream()))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("GET " + server.baseUrl() + "/dav/cut.bin");
    }

    @Test
    void anUpdateSendsIfMatchAndAChangedFileIsAPreconditionFailure() {
        server.stubFor(put(urlEqualTo("/dav/a.txt")).withHeader("If-Match", equalTo("\"e1\""))
                .willReturn(aResponse().withStatus(412)));

        assertThatThrownBy(() -> client.put("a.txt", new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)), 3,
                "text/plain", Precondition.ifMatch("\"e1\"")))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("PUT " + server.baseUrl() + "/dav/a.txt");
        server.verify(putRequestedFor(urlEqualTo("/dav/a.txt")).withHeader("If-Match", equalTo("\"e1\""))
                .withoutHeader("If-None-Match").withRequestBody(equalTo("abc")));
    }

    @Test
    void aCreateSendsIfNoneMatchStarAndReturnsTheNewEtag() {
        server.stubFor(put(urlEqualTo("/dav/new.txt")).withHeader("If-None-Match", equalTo("*"))
                .willReturn(aResponse().withStatus(201).withHeader("ETag", "\"n1\"")));

        String etag = client.put("new.txt", new ByteArrayInputStream(new byte[] {1, 2}), 2, null, Precondition.createOnly());

        assertThat(etag).isEqualTo("\"n1\"");
        server.verify(putRequestedFor(urlEqualTo("/dav/new.txt")).withHeader("If-None-Match", equalTo("*"))
                .withoutHeader("If-Match").withHeader("Content-Length", equalTo("2")));
    }

    @Test
    void aRefusedLoginNamesTheUserButNeverThePassword() {
        server.stubFor(request("PROPFIND", urlEqualTo("/dav/Docs/"))
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"dav\"")));

        assertThatThrownBy(() -> client.propfind("Docs/", Depth.ZERO))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining(USER)
                .satisfies(WebDavClientStubTest::holdsNoSecret);
    }

    @Test
    void aRedirectLoopEndsInATypedErrorAfterAFewHops() {
        server.stubFor(request("PROPFIND", urlEqualTo("/dav/Docs/"))
                .willReturn(aResponse().withStatus(301).withHeader("Location", "/dav/Loop/")));
        server.stubFor(request("PROPFIND", urlEqualTo("/dav/Loop/"))
                .willReturn(aResponse().withStatus(301).withHeader("Location", "/dav/Docs/")));

        assertThatThrownBy(() -> client.propfind("Docs/", Depth.ONE))
                .isInstanceOf(IceSyncException.class)
                .hasMessageContaining("PROPFIND " + server.baseUrl() + "/dav/Docs/")
                .hasMessageContaining("redirect")
                .satisfies(WebDavClientStubTest::holdsNoSecret);
        assertThat(server.findAll(WireMock.anyRequestedFor(WireMock.anyUrl()))).hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void aWriteIsNeverReplayedToARedirectTarget() {
        server.stubFor(put(urlEqualTo("/dav/a.txt"))
                .willReturn(aResponse().withStatus(307).withHeader("Location", "/dav/b.txt")));

        assertThatThrownBy(() -> client.put("a.txt", new ByteArrayInputStream(new byte[] {1}), 1, null, Precondition.none()))
                .isInstanceOfSatisfying(UnexpectedStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(307);
                    assertThat(e.getMessage()).contains("/dav/b.txt", "not followed");
                });
        server.verify(0, putRequestedFor(urlEqualTo("/dav/b.txt")));
    }

    static void holdsNoSecret(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(PASSWORD).doesNotContain(BASIC.substring(6));
        }
    }
}
