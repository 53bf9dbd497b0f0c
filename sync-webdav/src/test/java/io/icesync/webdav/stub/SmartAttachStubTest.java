package io.icesync.webdav.stub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.icesync.core.ConnectionException;
import io.icesync.core.Timeouts;
import io.icesync.webdav.Download;
import io.icesync.webdav.DownloadMismatchException;
import io.icesync.webdav.DownloadOptions;
import io.icesync.webdav.SmartAttachDownloader;
import io.icesync.webdav.SmartAttachLink;
import io.icesync.webdav.UnexpectedStatusException;
import io.icesync.webdav.WebDavClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SmartAttach downloads against a scripted server: broken and stalled transfers resume, wrong content is never kept. */
class SmartAttachStubTest {
    private static final int SIZE = 64_000;
    private static final byte[] CONTENT = random(SIZE);

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path tmp;

    private WebDavClient client(Duration read) {
        return WebDavClient.builder(URI.create(server.baseUrl() + "/webdav/")).credentials("jean@iwdemo.test", "pw".toCharArray())
                .timeouts(Timeouts.of(Duration.ofSeconds(10)).withRead(read)).build();
    }

    private SmartAttachLink link(long size, String sha) {
        return new SmartAttachLink(URI.create(server.baseUrl() + "/webdav/Files/report.pdf"), "report.pdf", size, sha,
                SmartAttachLink.Source.HEADER);
    }

    @Test
    void aServerThatStallsIsATimeoutAndLeavesNoFile() throws Exception {
        server.stubFor(get(urlEqualTo("/webdav/Files/report.pdf"))
                .willReturn(aResponse().withStatus(200).withBody(CONTENT).withChunkedDribbleDelay(4, 8_000)));
        Path folder = tmp.resolve("attachments");

        try (WebDavClient c = client(Duration.ofMillis(500))) {
            assertThatThrownBy(() -> new SmartAttachDownloader(c).download(link(SIZE, sha256(CONTENT)), folder, null))
                    .isInstanceOf(ConnectionException.class).hasMessageContaining("did not answer in time")
                    .hasMessageContaining("GET " + server.baseUrl() + "/webdav/Files/report.pdf");
        }
        assertThat(folder.resolve("report.pdf")).doesNotExist();
    }

    @Test
    void aTransferCutMidwayKeepsItsPartAndTheNextRunAsksOnlyForTheRest() throws Exception {
        // The server promises the whole length, closes after the first half, and is down when the call resumes.
        server.stubFor(get(urlEqualTo("/webdav/Files/report.pdf")).withHeader("Range", absent())
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v1\"").withHeader("Content-Length", "" + SIZE)
                        .withBody(Arrays.copyOf(CONTENT, SIZE / 2))));
        server.stubFor(get(urlEqualTo("/webdav/Files/report.pdf")).withHeader("Range", matching("bytes=.*"))
                .willReturn(aResponse().withStatus(503)));
        Path folder = tmp.resolve("attachments");

        try (WebDavClient c = client(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> new SmartAttachDownloader(c).download(link(SIZE, sha256(CONTENT)), folder, null))
                    .isInstanceOfSatisfying(UnexpectedStatusException.class, e -> assertThat(e.status()).isEqualTo(503))
                    .hasMessageContaining("GET " + server.baseUrl() + "/webdav/Files/report.pdf");
        }
        Path part = folder.resolve("report.pdf.part");
        long have = Files.size(part);
        assertThat(folder.resolve("report.pdf")).doesNotExist();
        assertThat(have).isPositive().isLessThan(SIZE);
        assertThat(Files.readAllBytes(part)).isEqualTo(Arrays.copyOf(CONTENT, (int) have));

        server.resetAll();
        server.stubFor(get(urlEqualTo("/webdav/Files/report.pdf")).withHeader("Range", equalTo("bytes=" + have + "-"))
                .withHeader("If-Range", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(206).withHeader("ETag", "\"v1\"")
                        .withHeader("Content-Range", "bytes " + have + "-" + (SIZE - 1) + "/" + SIZE)
                        .withBody(Arrays.copyOfRange(CONTENT, (int) have, SIZE))));
        Download d;
        try (WebDavClient c = client(Duration.ofSeconds(5))) {
            d = new SmartAttachDownloader(c).download(link(SIZE, sha256(CONTENT)), folder, null);
        }

        assertThat(d.file()).hasBinaryContent(CONTENT);
        assertThat(d.resumedFrom()).isEqualTo(have);
        assertThat(part).doesNotExist();
        server.verify(1, getRequestedFor(urlEqualTo("/webdav/Files/report.pdf")));
    }

    @Test
    void aBrokenChunkIsResumedWithinTheSameCall() throws Exception {
        server.stubFor(get(urlEqualTo("/webdav/Files/report.pdf")).inScenario("broken").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v1\"").withFault(Fault.MALFORMED_RESPONSE_CHUNK))
                .willSetStateTo("healed"));
        server.stubFor(get(urlEqualTo("/webdav/Files/report.pdf")).inScenario("broken").whenScenarioStateIs("healed")
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v1\"").withBody(CONTENT)));

        Download d;
        try (WebDavClient c = client(Duration.ofSeconds(5))) {
            d = c.download("Files/report.pdf", tmp.resolve("report.pdf"),
                    DownloadOptions.defaults().withExpectedSha256(sha256(CONTENT)).withRetries(1));
        }

        assertThat(d.file()).hasBinaryContent(CONTENT);
        server.verify(2, getRequestedFor(urlEqualTo("/webdav/Files/report.pdf")));
    }

    @Test
    void aFileOfAnotherSizeThanTheMessageSaysIsRefusedAndNothingIsKept() throws Exception {
        server.stubFor(get(urlEqualTo("/webdav/Files/report.pdf"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v2\"").withBody(Arrays.copyOf(CONTENT, 100))));
        Path folder = tmp.resolve("attachments");

        try (WebDavClient c = client(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> new SmartAttachDownloader(c).download(link(SIZE, null), folder, null))
                    .isInstanceOfSatisfying(DownloadMismatchException.class, e -> {
                        assertThat(e.expected()).isEqualTo(String.valueOf(SIZE));
                        assertThat(e.actual()).isEqualTo("100");
                        assertThat(e.getMessage()).contains("/webdav/Files/report.pdf");
                    });
        }
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void garbageInsteadOfAnAnswerIsAConnectionErrorAndLeavesNoFile() throws Exception {
        server.stubFor(get(urlEqualTo("/webdav/Files/report.pdf")).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
        Path folder = tmp.resolve("attachments");

        try (WebDavClient c = client(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> new SmartAttachDownloader(c).download(link(SIZE, null), folder, null))
                    .isInstanceOf(ConnectionException.class).hasMessageContaining("GET " + server.baseUrl() + "/webdav/Files/report.pdf")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw"));
        }
        assertThat(folder.resolve("report.pdf")).doesNotExist();
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
