package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import io.icesync.testkit.TestProxy;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --proxy} of verify and profile create, as a user runs them, through a real loopback proxy. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class ProxyCliTest {
    @TempDir
    Path tmp;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    TestProxy proxy;

    @BeforeEach
    void startProxy() {
        proxy = TestProxy.start();
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private int run(String password, String... args) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
            return new IceSyncCli().execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        } finally {
            System.setIn(stdin);
        }
    }

    private String pem(IceWarpServer server) throws Exception {
        Path pem = tmp.resolve("server.pem");
        Files.writeString(pem, server.certificatePem());
        return pem.toString();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void verifyGoesThroughTheProxyAndSaysWhenItRefuses(IceWarpServer server) throws Exception {
        String imaps = "127.0.0.1:" + server.imaps().port();
        String via = proxy.host() + ":" + proxy.port();
        assertThat(run("secret", "verify", "--imap", imaps, "--security", "ssl", "--user", "jean@iwdemo.test",
                "--password-stdin", "--trust-cert", pem(server), "--proxy", via)).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("OK:");
        assertThat(proxy.connects()).containsExactly(imaps);

        out.getBuffer().setLength(0);
        proxy.refuse();
        assertThat(run("secret", "verify", "--imap", imaps, "--security", "ssl", "--user", "jean@iwdemo.test",
                "--password-stdin", "--trust-cert", pem(server), "--proxy", via)).isEqualTo(3);
        assertThat(out.toString()).contains("REFUSED", "HTTP proxy " + via, "403 Forbidden").doesNotContain("secret");
    }

    @Test
    void aBadProxyIsAUsageError(IceWarpServer server) {
        assertThat(run("secret", "verify", "--imap", "127.0.0.1:" + server.imaps().port(), "--security", "ssl",
                "--user", "jean@iwdemo.test", "--password-stdin", "--proxy", "proxy-without-port")).isEqualTo(2);
        assertThat(err.toString()).contains("--proxy", "proxy-without-port", "HOST:PORT");
        assertThat(proxy.connects()).isEmpty();
    }

    @Test
    void aProfileWithAProxyKeepsItAndSyncsThroughIt(IceWarpServer server) throws Exception {
        server.account("jean@iwdemo.test").mailbox("INBOX").append(Messages.simple("<p@x>", "via the proxy"));
        Path dir = tmp.resolve("profile");
        String via = proxy.host() + ":" + proxy.port();
        assertThat(run("secret", "profile", "create", "--dir", dir.toString(), "--email", "jean@iwdemo.test",
                "--imap", "127.0.0.1:" + server.imaps().port(), "--security", "ssl", "--trust-cert", pem(server),
                "--password-stdin", "--proxy", via)).as(err.toString()).isZero();
        assertThat(Files.readString(dir.resolve("profile.json"))).contains("\"proxy\" : \"" + via + "\"");

        assertThat(run("", "sync", "--dir", dir.toString(), "--once", "-q")).as(out + "\n" + err).isZero();
        assertThat(proxy.connects()).isNotEmpty().allMatch(t -> t.equals("127.0.0.1:" + server.imaps().port()));
        try (Stream<Path> files = Stream.concat(Files.list(dir.resolve("mail/INBOX/new")),
                Files.list(dir.resolve("mail/INBOX/cur")))) {
            assertThat(files.filter(Files::isRegularFile).map(ProxyCliTest::read)).singleElement().asString()
                    .contains("via the proxy");
        }
    }
}
