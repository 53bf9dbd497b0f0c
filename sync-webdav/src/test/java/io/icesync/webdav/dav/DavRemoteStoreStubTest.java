package io.icesync.webdav.dav;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.icesync.core.ConnectionException;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteItem;
import io.icesync.webdav.MalformedResponseException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link DavRemoteStore} through a scripted proxy in front of {@link MiniCalDavServer}: the proxy passes
 * everything on, except the one request a test breaks. A broken listing leaves the state file as it was,
 * and the next listing sees each change once.
 */
class DavRemoteStoreStubTest extends MiniCalDavFixture {
    private static final FolderPath WORK = FolderPath.of("Work");
    private static final String PASSWORD = "pw-Xq81";

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private DavRemoteStore openThroughProxy() {
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(origin())));
        return DavRemoteStore.builder(URI.create(proxy.baseUrl() + "/")).credentials("u", PASSWORD.toCharArray())
                .state(tmp.resolve("dav.json")).build();
    }

    /** The mini server's scheme, host and port: the proxy appends the whole request path. */
    private String origin() {
        return "http://127.0.0.1:" + server.base().getPort();
    }

    /** Both ways of listing the calendar: the sync-collection REPORT and the PROPFIND of all members. */
    private List<StubMapping> breakListing(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        return List.of(proxy.stubFor(request("REPORT", urlEqualTo(MiniCalDavServer.CAL))
                        .withRequestBody(containing("sync-collection")).atPriority(1).willReturn(answer)),
                proxy.stubFor(request("PROPFIND", urlEqualTo(MiniCalDavServer.CAL)).withHeader("Depth", equalTo("1"))
                        .atPriority(1).willReturn(answer)));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void aListingCutByTheNetworkLeavesTheStateAsItWasAndTheNextOneSeesTheChangeOnce(Fault fault) throws Exception {
        server.put(MiniCalDavServer.CAL + "e1.ics", DavRemoteStoreTest.event("e1", "A"));
        try (DavRemoteStore store = openThroughProxy()) {
            RemoteChanges first = store.changes(WORK, null, false);
            byte[] saved = Files.readAllBytes(store.stateFile());
            server.put(MiniCalDavServer.CAL + "e2.ics", DavRemoteStoreTest.event("e2", "B"));
            List<StubMapping> broken = breakListing(aResponse().withFault(fault));

            assertThatThrownBy(() -> store.changes(WORK, first.cursor(), false))
                    .isInstanceOf(ConnectionException.class)
                    .hasMessageContaining(proxy.baseUrl() + MiniCalDavServer.CAL)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
            assertThat(Files.readAllBytes(store.stateFile())).isEqualTo(saved);

            broken.forEach(proxy::removeStub);
            RemoteChanges after = store.changes(WORK, first.cursor(), false);
            assertThat(uids(after)).hasSize(2).containsAll(uids(first));
        }
    }

    @Test
    void anUnreadableListingIsAMalformedAnswerNamingTheCollectionAndChangesNothing() throws Exception {
        server.put(MiniCalDavServer.CAL + "e1.ics", DavRemoteStoreTest.event("e1", "A"));
        try (DavRemoteStore store = openThroughProxy()) {
            RemoteChanges first = store.changes(WORK, null, false);
            byte[] saved = Files.readAllBytes(store.stateFile());
            server.put(MiniCalDavServer.CAL + "e2.ics", DavRemoteStoreTest.event("e2", "B"));
            breakListing(aResponse().withStatus(207).withHeader("Content-Type", "application/xml")
                    .withBody("<D:multistatus xmlns:D=\"DAV:\"><D:response><D:href>/dav/u/cal/e2.ics</D:href><D:propstat>"));

            assertThatThrownBy(() -> store.changes(WORK, first.cursor(), false))
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining(MiniCalDavServer.CAL);
            assertThat(Files.readAllBytes(store.stateFile())).isEqualTo(saved);
        }
    }

    @Test
    void aListingThatStallsPastTheReadTimeoutFailsAndChangesNothing() throws Exception {
        server.put(MiniCalDavServer.CAL + "e1.ics", DavRemoteStoreTest.event("e1", "A"));
        try (DavRemoteStore store = DavRemoteStore.builder(URI.create(proxy.baseUrl() + "/")).credentials("u", PASSWORD.toCharArray())
                .timeouts(io.icesync.core.Timeouts.of(java.time.Duration.ofSeconds(10)).withRead(java.time.Duration.ofMillis(1500)))
                .state(tmp.resolve("dav.json")).build()) {
            proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(origin())));
            RemoteChanges first = store.changes(WORK, null, false);
            byte[] saved = Files.readAllBytes(store.stateFile());
            server.put(MiniCalDavServer.CAL + "e2.ics", DavRemoteStoreTest.event("e2", "B"));
            breakListing(aResponse().proxiedFrom(origin()).withChunkedDribbleDelay(4, 12_000));

            assertThatThrownBy(() -> store.changes(WORK, first.cursor(), false))
                    .isInstanceOf(ConnectionException.class).hasMessageContaining("did not answer in time");
            assertThat(Files.readAllBytes(store.stateFile())).isEqualTo(saved);
        }
    }

    @Test
    void theRequestsAreTheOnesCalDavAsks() throws Exception {
        server.put(MiniCalDavServer.CAL + "e1.ics", DavRemoteStoreTest.event("e1", "A"));
        try (DavRemoteStore store = openThroughProxy()) {
            RemoteChanges first = store.changes(WORK, null, false);
            MultigetFetchTest.Received got = MultigetFetchTest.fetch(store, WORK, first.items());
            assertThat(new String(got.bodies.values().iterator().next(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("UID:e1");
            store.delete(WORK, uids(first));
        }
        // The listing: Depth 1 on the collection, asking for ETags.
        proxy.verify(requestedFor("PROPFIND", urlEqualTo(MiniCalDavServer.CAL)).withHeader("Depth", equalTo("1"))
                .withHeader("Authorization", containing("Basic "))
                .withRequestBody(containing("getetag")));
        // The download: a calendar-multiget naming the resource, without a Depth header (RFC 4791 7.9).
        proxy.verify(requestedFor("REPORT", urlEqualTo(MiniCalDavServer.CAL)).withHeader("Depth", absent())
                .withRequestBody(containing("calendar-multiget")).withRequestBody(containing(MiniCalDavServer.CAL + "e1.ics")));
        // The deletion: only if the resource is still the version listed.
        proxy.verify(requestedFor("DELETE", urlEqualTo(MiniCalDavServer.CAL + "e1.ics")).withHeader("If-Match", containing("\"")));
    }

    @Test
    void aDownloadCutByTheNetworkHandsNoItemOverAndSaysWhichFailed() {
        server.put(MiniCalDavServer.CAL + "e1.ics", DavRemoteStoreTest.event("e1", "A"));
        try (DavRemoteStore store = openThroughProxy()) {
            RemoteChanges first = store.changes(WORK, null, false);
            proxy.stubFor(request("REPORT", urlEqualTo(MiniCalDavServer.CAL)).withRequestBody(containing("calendar-multiget"))
                    .atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            proxy.stubFor(request("GET", urlEqualTo(MiniCalDavServer.CAL + "e1.ics"))
                    .atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

            MultigetFetchTest.Received got = new MultigetFetchTest.Received();
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                    () -> store.fetch(WORK, first.items(), io.icesync.core.spi.FetchMode.FULL, got));

            assertThat(got.bodies).isEmpty();
            assertThat(thrown).as("failed items: %s", got.failed).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining(MiniCalDavServer.CAL);
        }
    }

    private static List<Long> uids(RemoteChanges c) {
        return c.items().stream().map(RemoteItem::uid).toList();
    }
}
