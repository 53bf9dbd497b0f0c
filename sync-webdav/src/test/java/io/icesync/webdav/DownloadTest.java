package io.icesync.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.ConnectionException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadTest {
    private static final int SIZE = 3 * 1024 * 1024 + 123;

    @TempDir
    Path tmp;
    private Path served;
    private FileHandler files;
    private DavTestServer server;
    private WebDavClient client;
    private Path target;

    @BeforeEach
    void start() throws Exception {
        served = write("v1.bin", 1);
        files = new FileHandler(served, "v1");
        server = new DavTestServer(files);
        client = WebDavClient.builder(server.base()).credentials("jean@iwdemo.test", "secret".toCharArray())
                .timeout(Duration.ofSeconds(20)).build();
        target = tmp.resolve("out").resolve("report.bin");
        Files.createDirectories(target.getParent());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aDownloadWritesTheWholeFileAndReportsProgress() throws Exception {
        List<Progress> progress = new CopyOnWriteArrayList<>();

        Download d = client.download("Docs/report.bin", target, DownloadOptions.defaults()
                .withExpectedSize(SIZE).withExpectedSha256(sha256(served)).withListener(progress::add));

        assertThat(target).hasSameBinaryContentAs(served);
        assertThat(d.size()).isEqualTo(SIZE);
        assertThat(d.sha256()).isEqualTo(sha256(served));
        assertThat(d.etag()).isEqualTo("\"v1\"");
        assertThat(d.resumedFrom()).isZero();
        assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p.total()).isEqualTo(SIZE));
        assertThat(progress.get(progress.size() - 1).bytes()).isEqualTo(SIZE);
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void aTransferCutMidwayIsResumedWhereItStopped() throws Exception {
        files.cutNextAfter(1_000_000);

        Download d = client.download("Docs/report.bin", target, DownloadOptions.defaults().withExpectedSha256(sha256(served)));

        assertThat(target).hasSameBinaryContentAs(served);
        assertThat(d.resumedFrom()).isEqualTo(1_000_000);
        List<DavTestServer.Seen> gets = server.seen("GET");
        assertThat(gets).hasSize(2);
        assertThat(gets.get(1).header("Range")).isEqualTo("bytes=1000000-");
        assertThat(gets.get(1).header("If-Range")).isEqualTo("\"v1\"");
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void aPartialFileLeftByAnEarlierCallIsContinued() throws Exception {
        files.cutNextAfter(700_000);
        DownloadOptions once = DownloadOptions.defaults().withRetries(0);

        assertThatThrownBy(() -> client.download("Docs/report.bin", target, once)).isInstanceOf(ConnectionException.class);
        assertThat(target).doesNotExist();
        assertThat(Files.size(Path.of(target + ".part"))).isEqualTo(700_000);

        Download d = client.download("Docs/report.bin", target, once.withExpectedSha256(sha256(served)));

        assertThat(target).hasSameBinaryContentAs(served);
        assertThat(d.resumedFrom()).isEqualTo(700_000);
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void whenTheFileChangedBetweenAttemptsTheNewVersionIsDownloadedWhole() throws Exception {
        files.cutNextAfter(900_000);
        DownloadOptions once = DownloadOptions.defaults().withRetries(0);
        assertThatThrownBy(() -> client.download("Docs/report.bin", target, once)).isInstanceOf(ConnectionException.class);
        Path v2 = write("v2.bin", 2);
        files.replace(v2, "v2");

        Download d = client.download("Docs/report.bin", target, once.withExpectedSize(SIZE).withExpectedSha256(sha256(v2)));

        assertThat(target).hasSameBinaryContentAs(v2);
        assertThat(d.resumedFrom()).isZero();
        assertThat(d.etag()).isEqualTo("\"v2\"");
        assertThat(server.seen("GET").get(1).header("If-Range")).isEqualTo("\"v1\"");
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void aWrongSizeIsAnErrorAndLeavesNoFileBehind() {
        assertThatThrownBy(() -> client.download("Docs/report.bin", target, DownloadOptions.defaults().withExpectedSize(SIZE + 1)))
                .isInstanceOfSatisfying(DownloadMismatchException.class, e -> {
                    assertThat(e.expected()).isEqualTo(String.valueOf(SIZE + 1));
                    assertThat(e.actual()).isEqualTo(String.valueOf(SIZE));
                    assertThat(e.url()).isEqualTo(server.base() + "Docs/report.bin");
                });
        assertThat(target).doesNotExist();
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void aWrongHashIsAnErrorAndKeepsThePreviousTarget() throws Exception {
        Files.writeString(target, "the previous version");
        String wrong = "00".repeat(32);

        assertThatThrownBy(() -> client.download("Docs/report.bin", target, DownloadOptions.defaults().withExpectedSha256(wrong)))
                .isInstanceOfSatisfying(DownloadMismatchException.class, e -> {
                    assertThat(e.expected()).isEqualTo(wrong);
                    assertThat(e.actual()).isEqualTo(sha256(served));
                });
        assertThat(target).hasContent("the previous version");
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void aMissingFileIsNotFoundAndCreatesNothing() throws Exception {
        try (DavTestServer missing = new DavTestServer(ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        }); WebDavClient c = WebDavClient.builder(missing.base()).build()) {
            assertThatThrownBy(() -> c.download("gone.bin", target, DownloadOptions.defaults()))
                    .isInstanceOf(DavNotFoundException.class);
        }
        assertThat(target).doesNotExist();
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void getStreamsTheContentIntoTheCallersStream() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        client.get("Docs/report.bin", out);

        assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(served));
    }

    private List<Path> partFiles() {
        try (var s = Files.list(target.getParent())) {
            return s.filter(p -> p.getFileName().toString().contains(".part")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String name, long seed) throws Exception {
        byte[] data = new byte[SIZE];
        new Random(seed).nextBytes(data);
        return Files.write(tmp.resolve(name), data);
    }

    static String sha256(Path file) {
        try (var in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
