package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code icesync server} as a script or a client in another language meets it: a real process, one JSON
 * document on stdout, real IMAP, SMTP, POP3 and HTTP clients on the ports it printed, and the exit code
 * after SIGTERM or SIGINT.
 */
class ServerCliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();

    @Test
    void servesTheFixtureAndTheUserOnThePrintedPortsAndStopsOnSigtermWithExit143() throws Exception {
        Path fixture = Files.writeString(tmp.resolve("accounts.yaml"), """
                accounts:
                  - email: jean@iwdemo.test
                    password: secret
                    folders:
                      - name: INBOX
                        messages:
                          - {messageId: "<fixture@iwdemo.test>", subject: "Réunion", from: "anne@iwdemo.test", body: "À demain"}
                """);
        int smtpPort = freePort();
        CliProcess.Running server = CliProcess.start("server", "--fixture", fixture.toString(), "--user",
                "josephine@iwdemo.test", "--password-env", CliProcess.PASSWORD_ENV, "--smtp-port", String.valueOf(smtpPort));
        try {
            JsonNode info = JSON.readTree(server.awaitOut("\n}", 60));
            assertThat(info.get("schemaVersion").asInt()).isEqualTo(CliJson.SCHEMA_VERSION);
            assertThat(info.at("/smtp/port").asInt()).as("the port asked for").isEqualTo(smtpPort);
            List<String> accounts = new ArrayList<>();
            info.get("accounts").forEach(a -> accounts.add(a.get("email").asText()));
            assertThat(accounts).containsExactlyInAnyOrder("jean@iwdemo.test", "josephine@iwdemo.test");
            assertThat(info.toString()).as("no password is printed").doesNotContain("secret");

            Session session = Session.getInstance(new Properties());
            try (Store imap = session.getStore("imap")) {
                imap.connect("127.0.0.1", info.at("/imap/port").asInt(), "jean@iwdemo.test", "secret");
                Folder inbox = imap.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessages()).singleElement()
                        .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Réunion"));
                inbox.close(false);
            }
            MimeMessage m = new MimeMessage(session);
            m.setFrom("jean@iwdemo.test");
            m.setRecipients(Message.RecipientType.TO, "josephine@iwdemo.test");
            m.setSubject("Over the printed SMTP port");
            m.setText("Hello.");
            m.saveChanges();
            try (Transport smtp = session.getTransport("smtp")) {
                smtp.connect("127.0.0.1", smtpPort, "jean@iwdemo.test", "secret");
                smtp.sendMessage(m, m.getAllRecipients());
            }
            try (Store pop3 = session.getStore("pop3")) {
                pop3.connect("127.0.0.1", info.at("/pop3/port").asInt(), "josephine@iwdemo.test", "secret");
                Folder inbox = pop3.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessages()).singleElement()
                        .satisfies(r -> assertThat(r.getSubject()).isEqualTo("Over the printed SMTP port"));
                inbox.close(false);
            }
            HttpClient http = HttpClient.newBuilder().sslContext(trusting(info.get("certificatePem").asText())).build();
            HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(URI.create(info.at("/https/url").asText()
                    + "mail/config-v1.1.xml?emailaddress=jean%40iwdemo.test")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(discovery.body()).contains("<clientConfig");
        } finally {
            server.process.toHandle().destroy(); // SIGTERM, the pipes left open
        }
        CliProcess.Result r = server.await(60);
        assertThat(r.exit()).as(r.toString()).isEqualTo(143);
        assertThat(r.err()).as(r.toString()).contains("test server stopped").doesNotContain("Exception");
    }

    @Test
    void ctrlCStopsItWithExit130() throws Exception {
        CliProcess.Running server = CliProcess.start("server", "--user", "jean@iwdemo.test", "--password-env",
                CliProcess.PASSWORD_ENV);
        JsonNode info = JSON.readTree(server.awaitOut("\n}", 60));
        int imap = info.at("/imap/port").asInt();
        assertThat(imap).isPositive();
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(server.process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        CliProcess.Result r = server.await(60);
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        try (ServerSocket again = new ServerSocket(imap, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the IMAP port is free again").isEqualTo(imap);
        }
    }

    @Test
    void withoutAnAccountABadFixtureOrATakenPortItSaysWhatIsWrongAndExits2() throws Exception {
        assertThat(cli.run("server")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("give --fixture FILE or --user ADDR --password-env VAR");

        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"accounts\": [{\"email\": \"jean@iwdemo.test\", \"pasword\": \"x\"}]}");
        assertThat(cli.run("server", "--fixture", bad.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("--fixture " + bad, "pasword");

        assertThat(cli.run("server", "--user", "jean@iwdemo.test", "--password-env", "ICESYNC_NO_SUCH_VARIABLE"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("ICESYNC_NO_SUCH_VARIABLE is not set");

        Path ok = Files.writeString(tmp.resolve("ok.json"),
                "{\"accounts\": [{\"email\": \"jean@iwdemo.test\", \"password\": \"secret\"}]}");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(cli.run("server", "--fixture", ok.toString(), "--imap-port", String.valueOf(taken.getLocalPort())))
                    .isEqualTo(ExitCodes.USAGE);
            assertThat(cli.err.toString()).contains("the server could not start", String.valueOf(taken.getLocalPort()));
        }
        assertThat(cli.run("server", "--fixture", ok.toString(), "--pop3-port", "70000")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err.toString()).contains("pop3 port must be 0..65535, got 70000");
        assertThat(cli.out.toString()).as("nothing on stdout when it did not start").isEmpty();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static SSLContext trusting(String pem) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("server", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
