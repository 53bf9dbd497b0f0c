package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.Messages;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** discover, verify and profile create by discovery, as a user runs them, against the test server's DNS and SmartDiscover. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class DiscoverCliTest {
    @TempDir
    Path tmp;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String password, String... args) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
            return new IceSyncCli().execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        } finally {
            System.setIn(stdin);
        }
    }

    private String[] discovery(IceWarpServer server, String... more) throws Exception {
        Path pem = tmp.resolve("server.pem");
        Files.writeString(pem, server.certificatePem());
        List<String> a = new ArrayList<>(List.of(more));
        a.addAll(List.of("--dns", "127.0.0.1:" + server.dns().getPort(), "--https-port",
                String.valueOf(server.https().getPort()), "--trust-cert", pem.toString(), "--password-stdin"));
        return a.toArray(new String[0]);
    }

    @Test
    void discoverPrintsTheSettingsAndTheCandidatesTried(IceWarpServer server) throws Exception {
        assertThat(run("secret", discovery(server, "discover", "jean@iwdemo.test"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Settings for jean@iwdemo.test (from https://autodiscover.iwdemo.test/",
                "IMAP    127.0.0.1:" + server.imaps().port() + " (ssl)  login jean@iwdemo.test",
                "SMTP    127.0.0.1:" + server.smtp().port() + " (starttls)", "WebDAV  " + server.https() + "webdav/",
                "XMPP", "Candidates tried:", "1. https://autodiscover.iwdemo.test/autodiscover/autodiscover.xml: FOUND");

        out.getBuffer().setLength(0);
        assertThat(run("secret", discovery(server, "discover", "jean@iwdemo.test", "--json"))).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("found").asBoolean()).isTrue();
        assertThat(j.at("/settings/imap/port").asInt()).isEqualTo(server.imaps().port());
        assertThat(j.at("/trail/0/outcome").asText()).isEqualTo("FOUND");
        assertThat(out.toString() + err).doesNotContain("secret");
    }

    @Test
    void nothingFoundExitsOneWithTheTrail(IceWarpServer server) throws Exception {
        server.smartDiscover().autodiscover(false).autoconfig(false);
        for (String srv : List.of("_imaps._tcp", "_imap._tcp", "_pop3s._tcp", "_submission._tcp")) {
            server.dnsZone().remove(srv + ".iwdemo.test");
        }
        assertThat(run("secret", discovery(server, "discover", "jean@iwdemo.test"))).isEqualTo(1);
        assertThat(out.toString()).contains("No settings found", "HTTP_STATUS (HTTP 404)", "NO_SETTINGS");
    }

    @Test
    void verifySaysUntrustedThenOkOnceTheCertificateIsTrusted(IceWarpServer server) throws Exception {
        String imaps = "127.0.0.1:" + server.imaps().port();
        assertThat(run("secret", "verify", "--imap", imaps, "--security", "ssl", "--user", "jean@iwdemo.test",
                "--password-stdin")).isEqualTo(3);
        assertThat(out.toString()).contains("UNTRUSTED_CERTIFICATE", "SHA-256", "--trust-cert");
        Path pem = tmp.resolve("server.pem");
        Files.writeString(pem, server.certificatePem());
        out.getBuffer().setLength(0);
        assertThat(run("secret", "verify", "--imap", imaps, "--security", "ssl", "--user", "jean@iwdemo.test",
                "--password-stdin", "--trust-cert", pem.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("OK:", "X-ICEWARP-SERVER");
        out.getBuffer().setLength(0);
        assertThat(run("nope", "verify", "--imap", imaps, "--security", "ssl", "--user", "jean@iwdemo.test",
                "--password-stdin", "--trust-cert", pem.toString())).isEqualTo(3);
        assertThat(out.toString()).contains("AUTH_REJECTED");
    }

    @Test
    void aProfileMadeByDiscoverySyncs(IceWarpServer server) throws Exception {
        server.account("jean@iwdemo.test").mailbox("INBOX").append(Messages.simple("<d@x>", "discovered"));
        Path dir = tmp.resolve("profile");
        assertThat(run("secret", discovery(server, "profile", "create", "--dir", dir.toString(), "--email",
                "jean@iwdemo.test"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("discovered 127.0.0.1:" + server.imaps().port() + " (ssl)");
        assertThat(Files.readString(dir.resolve("profile.json"))).contains(String.valueOf(server.imaps().port()))
                .doesNotContain("secret");
        assertThat(run("", "sync", "--dir", dir.toString(), "--once", "-q")).as(out + "\n" + err).isZero();
        try (var files = Files.list(dir.resolve("mail/INBOX/new")).filter(Files::isRegularFile)) {
            assertThat(files.count() + count(dir.resolve("mail/INBOX/cur"))).isEqualTo(1);
        }
    }

    private static long count(Path d) throws Exception {
        try (var s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void trustAddListAndRemoveAsTheSyncSeesIt(IceWarpServer server) throws Exception {
        Path dir = tmp.resolve("tls");
        assertThat(run("secret", "profile", "create", "--dir", dir.toString(), "--email", "jean@iwdemo.test", "--imap",
                "127.0.0.1:" + server.imaps().port(), "--security", "ssl", "--password-stdin")).isZero();
        assertThat(run("", "sync", "--dir", dir.toString(), "--once", "-q")).isEqualTo(3);
        String fp = io.icesync.core.spi.CertificateTrust.sha256(server.certificate());
        assertThat(err.toString()).contains(fp);

        err.getBuffer().setLength(0);
        assertThat(run("", "trust", "add", "--dir", dir.toString(), "--from-server", "00:11")).isEqualTo(3);
        assertThat(err.toString()).contains("not accepted", fp);
        assertThat(run("", "trust", "add", "--dir", dir.toString(), "--from-server", fp)).as(err.toString()).isZero();
        assertThat(run("", "sync", "--dir", dir.toString(), "--once", "-q")).as(err.toString()).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("", "trust", "list", "--dir", dir.toString())).isZero();
        assertThat(out.toString()).contains(fp, "CN=localhost");
        assertThat(run("", "trust", "remove", "--dir", dir.toString(), fp)).isZero();
        assertThat(run("", "sync", "--dir", dir.toString(), "--once", "-q")).isEqualTo(3);
    }
}
