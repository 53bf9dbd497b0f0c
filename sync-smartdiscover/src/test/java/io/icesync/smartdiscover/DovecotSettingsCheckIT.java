package io.icesync.smartdiscover;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.core.tls.CapturingTrust;
import io.icesync.smartdiscover.SettingsCheck.Protocol;
import io.icesync.smartdiscover.Verdict.Kind;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** "Verify settings" against a real Dovecot (../shared/peers): STARTTLS, SSL untrusted then trusted, a wrong password. */
@EnabledIfSystemProperty(named = "icesync.interop", matches = "true")
class DovecotSettingsCheckIT {
    static final String HOST = "127.0.0.1";
    static final char[] PW = "secret".toCharArray();

    static List<X509Certificate> cert() throws Exception {
        String set = System.getProperty("icesync.dovecot.cert");
        String pem = Files.readString(set != null ? Paths.get(set) : io.icesync.testkit.Peers.file("dovecot", "cert.pem"));
        return CapturingTrust.parsePem(pem);
    }

    @Test
    void verdictsAgainstDovecot() throws Exception {
        Endpoint starttls = new Endpoint(HOST, 10143, Security.STARTTLS);
        Endpoint ssl = new Endpoint(HOST, 10993, Security.SSL);
        SettingsCheck plainTrust = new SettingsCheck(List.of(), Duration.ofSeconds(5));
        Verdict untrusted = plainTrust.check(Protocol.IMAP, ssl, "jean@iwdemo.test", PW);
        assertThat(untrusted.kind()).as(untrusted.message()).isEqualTo(Kind.UNTRUSTED_CERTIFICATE);
        assertThat(untrusted.chain()).first().isEqualTo(cert().get(0));
        assertThat(plainTrust.check(Protocol.IMAP, starttls, "jean@iwdemo.test", PW).kind())
                .isEqualTo(Kind.UNTRUSTED_CERTIFICATE);

        SettingsCheck trusting = new SettingsCheck(cert(), Duration.ofSeconds(5));
        Verdict ok = trusting.check(Protocol.IMAP, ssl, "jean@iwdemo.test", PW);
        assertThat(ok.kind()).as(ok.message()).isEqualTo(Kind.OK);
        assertThat(ok.capabilities()).contains("CONDSTORE", "QRESYNC");
        assertThat(trusting.check(Protocol.IMAP, starttls, "jean@iwdemo.test", PW).kind()).isEqualTo(Kind.OK);
        assertThat(trusting.check(Protocol.POP3, new Endpoint(HOST, 10995, Security.SSL), "jean@iwdemo.test", PW).kind())
                .isEqualTo(Kind.OK);
        Verdict wrong = trusting.check(Protocol.IMAP, starttls, "jean@iwdemo.test", "nope-Pa55".toCharArray());
        assertThat(wrong.kind()).isEqualTo(Kind.AUTH_REJECTED);
        assertThat(wrong.message()).doesNotContain("nope-Pa55");
    }
}
