package io.icesync.testkit.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestCertificateTest {

    @Test
    void namesTheLoopbackTheHostAndTheAccountDomainsForTenYears() throws Exception {
        TestCertificate c = TestCertificate.generate("mail.iwdemo.test", List.of("iwdemo.test", "*.iwdemo.test"));
        X509Certificate cert = c.certificate();

        assertThat(cert.getSubjectAlternativeNames()).extracting(n -> (Object) n.get(1)).containsExactly(
                "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1", "mail.iwdemo.test", "iwdemo.test", "*.iwdemo.test");
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("O=IceSync test server,CN=localhost");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);                 // not a CA
        assertThat(cert.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(3600)));
        cert.checkValidity();
        cert.verify(cert.getPublicKey());                                       // self-signed
    }

    @Test
    void itsPemReadsBackAsTheSameCertificate() throws Exception {
        TestCertificate c = TestCertificate.generate("localhost", List.of());

        X509Certificate read = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(c.pem().getBytes(StandardCharsets.US_ASCII)));

        assertThat(c.pem()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(read).isEqualTo(c.certificate());
    }
}
