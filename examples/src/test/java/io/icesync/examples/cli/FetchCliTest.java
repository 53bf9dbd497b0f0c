package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestWebDav;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** icesync fetch against the test server's WebDAV, as a user runs it. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class FetchCliTest {
    private static final String JEAN = "jean@iwdemo.test";

    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();
    final StringWriter out = cli.out;
    final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private Path profile(IceWarpServer server) throws Exception {
        return cli.profile(server, tmp);
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void fetchesAFileWithTheProfilesAccount(IceWarpServer server) throws Exception {
        Path dir = profile(server);
        TestWebDav dav = server.webdav();
        byte[] content = random(1_200_000, 1);
        dav.files(JEAN).put("Files/Offre été.pdf", content);
        Path target = tmp.resolve("offre.pdf");

        int code = run("fetch", dav.url("Files/Offre été.pdf").toString(), "--out", target.toString(), "--dir", dir.toString(),
                "--sha256", sha256(content), "--size", String.valueOf(content.length));

        assertThat(code).as(err.toString()).isZero();
        assertThat(target).hasBinaryContent(content);
        assertThat(out.toString()).contains("1200000 bytes", sha256(content));
        assertThat(err.toString()).contains("100%");
        assertThat(dav.requests("GET")).singleElement().satisfies(r -> assertThat(r.user()).isEqualTo(JEAN));
    }

    @Test
    void anInterruptedFetchContinuesOnTheRerun(IceWarpServer server) throws Exception {
        Path dir = profile(server);
        TestWebDav dav = server.webdav();
        byte[] content = random(2_000_000, 2);
        dav.files(JEAN).put("Files/big.bin", content);
        // More cuts than one run retries: the first run stops midway.
        dav.faults().cutAfter(600_000).times(3);
        Path target = tmp.resolve("big.bin");
        String url = dav.url("Files/big.bin").toString();

        assertThat(run("fetch", url, "--out", target.toString(), "--dir", dir.toString())).isEqualTo(ExitCodes.SERVER);
        assertThat(err.toString()).contains("icesync: ", "run the same command again");
        assertThat(target).doesNotExist();
        assertThat(tmp.resolve("big.bin.part")).exists();

        assertThat(run("fetch", url, "--out", target.toString(), "--dir", dir.toString(), "--sha256", sha256(content)))
                .as(err.toString()).isZero();
        assertThat(target).hasBinaryContent(content);
        assertThat(tmp.resolve("big.bin.part")).doesNotExist();
        assertThat(out.toString()).contains("continued from");
        assertThat(err.toString()).contains("resuming at");
    }

    @Test
    void aWrongHashOrAMissingFileIsReportedWithItsExitCode(IceWarpServer server) throws Exception {
        Path dir = profile(server);
        TestWebDav dav = server.webdav();
        dav.files(JEAN).put("a.txt", "hello".getBytes(StandardCharsets.UTF_8));
        Path target = tmp.resolve("a.txt");

        assertThat(run("fetch", dav.url("a.txt").toString(), "--out", target.toString(), "--dir", dir.toString(),
                "--sha256", "0".repeat(64))).isEqualTo(ExitCodes.PARTIAL);
        assertThat(err.toString()).contains("SHA-256", "discarded");
        assertThat(target).doesNotExist();

        assertThat(run("fetch", dav.url("gone.txt").toString(), "--out", target.toString(), "--dir", dir.toString()))
                .isEqualTo(ExitCodes.SERVER);
        assertThat(err.toString().lines().filter(l -> l.startsWith("icesync: "))).singleElement()
                .satisfies(l -> assertThat(l).contains("gone.txt"));

        assertThat(run("fetch", "ftp://127.0.0.1/a.txt", "--out", target.toString(), "--dir", dir.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("fetch", dav.url("a.txt").toString(), "--out", target.toString(), "--dir", dir.toString(),
                "--sha256", "xyz")).isEqualTo(ExitCodes.USAGE);
    }
}
