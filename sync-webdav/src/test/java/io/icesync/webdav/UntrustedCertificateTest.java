package io.icesync.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.spi.CertificateTrust;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A self-signed server certificate (made by the JDK's keytool) is refused until the user accepts it. */
class UntrustedCertificateTest {
    @TempDir
    static Path tmp;
    static SSLContext serverTls;
    static X509Certificate serverCert;

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path store = tmp.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "dav", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        serverCert = (X509Certificate) ks.getCertificate("dav");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
    }

    @Test
    void anUnknownCertificateIsRefusedWithItsChainAndWorksOnceAccepted() throws Exception {
        CertificateTrust trust = CertificateTrust.inMemory();
        try (DavTestServer server = new DavTestServer(ex -> {
            byte[] body = "<D:multistatus xmlns:D=\"DAV:\"/>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(207, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        }, serverTls); WebDavClient client = WebDavClient.builder(server.base())
                .credentials("jean@iwdemo.test", "secret".toCharArray()).trust(trust).build()) {

            assertThatThrownBy(() -> client.propfind("", Depth.ZERO))
                    .isInstanceOfSatisfying(UntrustedCertificateException.class,
                            e -> assertThat(e.chain()).containsExactly(serverCert));
            assertThat(server.seen).as("no request, so no credentials, reached the server").isEmpty();

            trust.accept(serverCert);

            assertThat(client.propfind("", Depth.ZERO)).isEqualTo(List.of());
            assertThat(server.seen("PROPFIND")).hasSize(1);
        }
    }

    @Test
    void anAcceptedCertificateForAnotherNameIsStillRefused() throws Exception {
        try (DavTestServer server = new DavTestServer(ex -> {
            ex.sendResponseHeaders(207, -1);
            ex.close();
        }, serverTls); WebDavClient client = WebDavClient.builder(
                java.net.URI.create("https://localhost:" + server.base().getPort() + "/dav/"))
                .trust(CertificateTrust.inMemory(serverCert)).build()) {

            assertThatThrownBy(() -> client.propfind("", Depth.ZERO))
                    .isInstanceOfSatisfying(UntrustedCertificateException.class, e -> {
                        assertThat(e.getMessage()).contains("localhost");
                        assertThat(e.chain()).containsExactly(serverCert);
                    });
            assertThat(server.seen).isEmpty();
        }
    }
}
