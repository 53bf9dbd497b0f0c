package io.icesync.webdav.files;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.icesync.core.ConnectionException;
import io.icesync.core.FolderPath;
import io.icesync.core.spi.FetchMode;
import io.icesync.core.spi.ItemSink;
import io.icesync.core.spi.RemoteChanges;
import io.icesync.core.spi.RemoteItem;
import io.icesync.webdav.UnexpectedStatusException;
import io.icesync.webdav.WebDavClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents against a scripted WebDAV server: a listing cut by the network leaves the state file as it
 * was, and a download cut halfway hands nothing over and resumes on the next fetch.
 */
class DocumentsStubTest {
    private static final FolderPath FILES = FolderPath.of("Files");

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private void withStore(Consumer<WebDavFilesRemoteStore> body) {
        try (WebDavClient client = WebDavClient.builder(URI.create(server.baseUrl() + "/dav/"))
                .credentials("jean@iwdemo.test", "secret".toCharArray()).timeout(Duration.ofSeconds(10)).build();
             WebDavFilesRemoteStore store = WebDavFilesRemoteStore.builder().client(client)
                     .state(dir.resolve("files-state.json")).build()) {
            store.connect();
            body.accept(store);
        }
    }

    /** The root collection listing these files, each as {name, length, etag}. */
    private static void list(String... files) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><D:multistatus xmlns:D=\"DAV:\"><D:response><D:href>/dav/"
                + "</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop>"
                + "<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>");
        for (int i = 0; i < files.length; i += 3) {
            b.append("<D:response><D:href>/dav/").append(files[i]).append("</D:href><D:propstat><D:prop><D:resourcetype/>")
                    .append("<D:getcontentlength>").append(files[i + 1]).append("</D:getcontentlength><D:getetag>\"")
                    .append(files[i + 2]).append("\"</D:getetag><D:getlastmodified>Mon, 10 Mar 2025 10:00:00 GMT")
                    .append("</D:getlastmodified></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>");
        }
        server.stubFor(request("PROPFIND", urlEqualTo("/dav/")).willReturn(aResponse().withStatus(207)
                .withHeader("Content-Type", "application/xml; charset=utf-8").withBody(b.append("</D:multistatus>").toString())));
    }

    @Test
    void aListingCutByTheNetworkLeavesTheStateAsItWasAndTheNextOneSeesTheNewFileOnce() {
        list("a.txt", "1", "a1");
        withStore(store -> {
            RemoteChanges first = store.changes(FILES, null, false);
            assertThat(first.items()).extracting(RemoteItem::name).containsExactly("a.txt");
            byte[] saved = read(dir.resolve("files-state.json"));
            server.stubFor(request("PROPFIND", urlEqualTo("/dav/")).withHeader("Depth", equalTo("1")).atPriority(1)
                    .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

            assertThatThrownBy(() -> store.changes(FILES, first.cursor(), false)).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("PROPFIND " + server.baseUrl() + "/dav/")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
            assertThat(read(dir.resolve("files-state.json"))).isEqualTo(saved);

            server.resetAll();
            list("a.txt", "1", "a1", "b.txt", "1", "b1");
            RemoteChanges after = store.changes(FILES, first.cursor(), false);
            assertThat(after.items()).extracting(RemoteItem::name).containsExactly("a.txt", "b.txt");
            assertThat(after.items().get(0).uid()).isEqualTo(first.items().get(0).uid());
        });
    }

    @Test
    void aDownloadCutHalfwayHandsNothingOverAndTheNextFetchResumes() {
        byte[] content = new byte[200_000];
        new Random(3).nextBytes(content);
        int half = content.length / 2;
        list("big.bin", "" + content.length, "v1");
        // The server promises the whole file, closes halfway, and is down when the download resumes.
        server.stubFor(get(urlEqualTo("/dav/big.bin")).withHeader("Range", absent()).willReturn(aResponse().withStatus(200)
                .withHeader("ETag", "\"v1\"").withHeader("Content-Length", "" + content.length)
                .withBody(Arrays.copyOf(content, half))));
        server.stubFor(get(urlEqualTo("/dav/big.bin")).withHeader("Range", equalTo("bytes=" + half + "-"))
                .willReturn(aResponse().withStatus(503)));
        withStore(store -> {
            List<RemoteItem> items = store.changes(FILES, null, false).items();
            Received got = new Received();

            assertThatThrownBy(() -> store.fetch(FILES, items, FetchMode.FULL, got)).isInstanceOf(UnexpectedStatusException.class)
                    .hasMessageContaining("GET " + server.baseUrl() + "/dav/big.bin");
            assertThat(got.bodies).isEmpty();

            server.stubFor(get(urlEqualTo("/dav/big.bin")).withHeader("Range", equalTo("bytes=" + half + "-"))
                    .withHeader("If-Range", equalTo("\"v1\"")).atPriority(1).willReturn(aResponse().withStatus(206)
                            .withHeader("ETag", "\"v1\"").withHeader("Content-Range", "bytes " + half + "-" + (content.length - 1)
                                    + "/" + content.length).withBody(Arrays.copyOfRange(content, half, content.length))));
            store.fetch(FILES, items, FetchMode.FULL, got);

            assertThat(got.bodies).singleElement().isEqualTo(content);
        });
        server.verify(1, getRequestedFor(urlEqualTo("/dav/big.bin")).withHeader("Range", absent()));
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** What a sink was handed: whole bodies only. */
    private static final class Received implements ItemSink {
        final List<byte[]> bodies = new ArrayList<>();

        @Override
        public void accept(RemoteItem item, boolean partial, InputStream content) throws IOException {
            bodies.add(content.readAllBytes());
        }

        @Override
        public void failed(long uid, Exception cause) {
            throw new AssertionError("item " + uid + " failed", cause);
        }
    }
}
