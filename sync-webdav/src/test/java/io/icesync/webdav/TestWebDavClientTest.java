package io.icesync.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.AuthenticationException;
import io.icesync.core.ConnectionException;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestWebDav;
import io.icesync.testkit.WebDavFiles;
import io.icesync.testkit.WebDavRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WebDAV client against the test server's /webdav/ over HTTPS, as an application uses it. */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "anna@iwdemo.test:other"})
class TestWebDavClientTest {
    @TempDir
    Path tmp;

    private static WebDavClient client(IceWarpServer server, TestWebDav dav, String user, String password) {
        return WebDavClient.builder(dav.url()).credentials(user, password.toCharArray())
                .trust(CertificateTrust.inMemory(server.certificate())).timeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void listsReadsWritesAndRearrangesFiles(IceWarpServer server) throws Exception {
        TestWebDav dav = server.webdav();
        WebDavFiles files = dav.files("jean@iwdemo.test");
        files.put("Docs/été.txt", "bonjour".getBytes(StandardCharsets.UTF_8), "text/plain");
        try (WebDavClient c = client(server, dav, "jean@iwdemo.test", "secret")) {
            List<DavResource> root = c.propfind("", Depth.ONE);
            assertThat(root).extracting(DavResource::path).containsExactly("", "Docs/");
            assertThat(root.get(1).collection()).isTrue();

            DavResource file = c.propfind("Docs/été.txt", Depth.ZERO).get(0);
            assertThat(file.length()).isEqualTo(7);
            assertThat(file.etag()).isEqualTo(files.etag("Docs/été.txt"));
            assertThat(file.contentType()).isEqualTo("text/plain");
            assertThat(file.displayName()).isEqualTo("été.txt");
            assertThat(file.lastModified()).isNotNull();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            c.get("Docs/été.txt", out);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("bonjour");

            c.mkcol("Archive");
            String etag = c.put("Archive/new.bin", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, null, Precondition.createOnly());
            assertThat(etag).isEqualTo(files.etag("Archive/new.bin"));
            c.copy("Archive/new.bin", "Docs/copy.bin", false);
            c.move("Docs/été.txt", "Archive/été.txt", false);
            c.delete("Archive/new.bin", etag);

            assertThat(files.list()).containsExactly("Archive/", "Archive/été.txt", "Docs/", "Docs/copy.bin");
            assertThat(files.get("Docs/copy.bin")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
            assertThat(c.propfind("Archive/", Depth.ONE)).extracting(DavResource::path)
                    .containsExactly("Archive/", "Archive/été.txt");
        }
    }

    @Test
    void refusalsComeAsTypedErrors(IceWarpServer server) {
        TestWebDav dav = server.webdav();
        WebDavFiles files = dav.files("jean@iwdemo.test");
        files.put("a.txt", new byte[] {1}).put("b.txt", new byte[] {2}).mkdirs("Docs");
        try (WebDavClient c = client(server, dav, "jean@iwdemo.test", "secret")) {
            assertThatThrownBy(() -> c.mkcol("Docs")).isInstanceOf(WebDavException.class)
                    .extracting(e -> ((WebDavException) e).status()).isEqualTo(405);
            assertThatThrownBy(() -> c.mkcol("Missing/Sub")).isInstanceOf(DavConflictException.class);
            assertThatThrownBy(() -> c.propfind("nothing.txt", Depth.ZERO)).isInstanceOf(DavNotFoundException.class);
            assertThatThrownBy(() -> c.move("a.txt", "b.txt", false)).isInstanceOf(PreconditionFailedException.class);
            assertThatThrownBy(() -> c.copy("a.txt", "Missing/a.txt", true)).isInstanceOf(DavConflictException.class);
            assertThatThrownBy(() -> c.delete("a.txt", "\"stale\"")).isInstanceOf(PreconditionFailedException.class);
            assertThat(files.exists("a.txt")).isTrue();

            c.move("a.txt", "b.txt", true);
            assertThat(files.list()).containsExactly("Docs/", "b.txt");
            assertThat(files.get("b.txt")).hasValueSatisfying(b -> assertThat(b).containsExactly(1));

            dav.faults().status("Docs/", 507).method("PROPFIND");
            assertThatThrownBy(() -> c.propfind("Docs/", Depth.ONE)).isInstanceOf(InsufficientStorageException.class);
        }
        try (WebDavClient wrong = client(server, dav, "jean@iwdemo.test", "wrong")) {
            assertThatThrownBy(() -> wrong.propfind("", Depth.ZERO)).isInstanceOf(AuthenticationException.class)
                    .hasMessageNotContaining("wrong");
        }
        assertThat(dav.requests()).allSatisfy(r -> assertThat(r.headers()).doesNotContainKey("authorization"));
    }

    @Test
    void eachAccountSeesItsOwnFiles(IceWarpServer server) {
        TestWebDav dav = server.webdav();
        dav.files("jean@iwdemo.test").put("jean.txt", new byte[] {1});
        dav.files("anna@iwdemo.test").put("anna.txt", new byte[] {2});
        try (WebDavClient c = client(server, dav, "anna@iwdemo.test", "other")) {
            assertThat(c.propfind("", Depth.ONE)).extracting(DavResource::path).containsExactly("", "anna.txt");
        }
    }

    @Test
    void conditionalUploadsNeverOverwriteAnotherWriter(IceWarpServer server) {
        TestWebDav dav = server.webdav();
        WebDavFiles files = dav.files("jean@iwdemo.test");
        files.put("plan.txt", "v1".getBytes(StandardCharsets.UTF_8));
        try (WebDavClient c = client(server, dav, "jean@iwdemo.test", "secret")) {
            String read = c.propfind("plan.txt", Depth.ZERO).get(0).etag();
            files.put("plan.txt", "v2 by someone else".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> c.put("plan.txt", stream("mine"), 4, "text/plain", Precondition.ifMatch(read)))
                    .isInstanceOf(PreconditionFailedException.class);
            assertThatThrownBy(() -> c.put("plan.txt", stream("mine"), 4, "text/plain", Precondition.createOnly()))
                    .isInstanceOf(PreconditionFailedException.class);
            assertThat(files.get("plan.txt")).hasValueSatisfying(
                    b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("v2 by someone else"));

            String now = c.propfind("plan.txt", Depth.ZERO).get(0).etag();
            String next = c.put("plan.txt", stream("mine"), 4, "text/plain", Precondition.ifMatch(now));
            assertThat(next).isNotEqualTo(now).isEqualTo(files.etag("plan.txt"));
            assertThat(files.get("plan.txt")).hasValueSatisfying(
                    b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("mine"));
        }
    }

    @Test
    void aTransferCutAtARandomPointResumesAndTheHashMatches(IceWarpServer server) throws Exception {
        TestWebDav dav = server.webdav();
        byte[] content = random(2 * 1024 * 1024 + 17, 7);
        dav.files("jean@iwdemo.test").put("Big/data.bin", content);
        long cut = 1 + new Random().nextInt(content.length - 2);
        dav.faults().cutAfter(cut).on("Big/data.bin");
        Path target = tmp.resolve("data.bin");
        try (WebDavClient c = client(server, dav, "jean@iwdemo.test", "secret")) {
            Download d = c.download("Big/data.bin", target, DownloadOptions.defaults().withExpectedSha256(sha256(content)));

            assertThat(target).hasBinaryContent(content);
            assertThat(d.resumedFrom()).as("cut after %d bytes", cut).isEqualTo(cut);
        }
        List<WebDavRequest> gets = dav.requests("GET");
        assertThat(gets).hasSize(2);
        assertThat(gets.get(1).header("Range")).isEqualTo("bytes=" + cut + "-");
        assertThat(Files.list(tmp)).containsExactly(target);
    }

    @Test
    void aFileThatChangedBetweenAttemptsIsDownloadedAgainNotSpliced(IceWarpServer server) throws Exception {
        TestWebDav dav = server.webdav();
        byte[] v1 = random(800_000, 1);
        byte[] v2 = random(900_000, 2);
        dav.files("jean@iwdemo.test").put("report.bin", v1);
        dav.faults().cutAfter(300_000).thenChangeTo(v2);
        Path target = tmp.resolve("report.bin");
        try (WebDavClient c = client(server, dav, "jean@iwdemo.test", "secret")) {
            Download d = c.download("report.bin", target, DownloadOptions.defaults());

            assertThat(target).hasBinaryContent(v2);
            assertThat(d.sha256()).isEqualTo(sha256(v2));
            assertThat(d.resumedFrom()).isZero();
        }
    }

    @Test
    void aTransferCutMoreOftenThanTheRetriesStopsAndTheNextCallFinishes(IceWarpServer server) throws Exception {
        TestWebDav dav = server.webdav();
        byte[] content = random(500_000, 3);
        dav.files("jean@iwdemo.test").put("x.bin", content);
        dav.faults().cutAfter(100_000).times(2);
        Path target = tmp.resolve("x.bin");
        try (WebDavClient c = client(server, dav, "jean@iwdemo.test", "secret")) {
            assertThatThrownBy(() -> c.download("x.bin", target, DownloadOptions.defaults().withRetries(1)))
                    .isInstanceOf(ConnectionException.class);
            assertThat(target).doesNotExist();

            Download d = c.download("x.bin", target, DownloadOptions.defaults().withExpectedSize(content.length));
            assertThat(target).hasBinaryContent(content);
            assertThat(d.resumedFrom()).isEqualTo(200_000);
        }
    }

    @Test
    void rangesAndHeadAsAPlainHttpClientSeesThem(IceWarpServer server) throws Exception {
        TestWebDav dav = server.webdav();
        dav.files("jean@iwdemo.test").put("t.txt", "0123456789".getBytes(StandardCharsets.UTF_8));
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().sslContext(server.clientSslContext()).build();
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString("jean@iwdemo.test:secret".getBytes(StandardCharsets.UTF_8));
        String etag = dav.files("jean@iwdemo.test").etag("t.txt");

        java.net.http.HttpResponse<String> part = http.send(java.net.http.HttpRequest.newBuilder(dav.url("t.txt"))
                .header("Authorization", auth).header("Range", "bytes=4-").header("If-Range", etag).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo("456789");
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 4-9/10");

        java.net.http.HttpResponse<String> stale = http.send(java.net.http.HttpRequest.newBuilder(dav.url("t.txt"))
                .header("Authorization", auth).header("Range", "bytes=4-").header("If-Range", "\"old\"").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo("0123456789");

        java.net.http.HttpResponse<String> beyond = http.send(java.net.http.HttpRequest.newBuilder(dav.url("t.txt"))
                .header("Authorization", auth).header("Range", "bytes=10-").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(beyond.statusCode()).isEqualTo(416);

        java.net.http.HttpResponse<Void> head = http.send(java.net.http.HttpRequest.newBuilder(dav.url("t.txt"))
                .header("Authorization", auth).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).hasValue(etag);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("10");

        java.net.http.HttpResponse<Void> options = http.send(java.net.http.HttpRequest.newBuilder(dav.url())
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(options.headers().firstValue("DAV")).hasValue("1");
        assertThat(options.headers().firstValue("Allow").orElse("")).contains("PROPFIND", "MKCOL", "COPY", "MOVE");
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
