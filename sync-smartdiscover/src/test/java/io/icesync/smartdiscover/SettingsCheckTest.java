package io.icesync.smartdiscover;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Endpoint;
import io.icesync.core.Security;
import io.icesync.smartdiscover.SettingsCheck.Protocol;
import io.icesync.smartdiscover.Verdict.Kind;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Verify settings" against the test server: each verdict a user can meet. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class SettingsCheckTest {
    static final char[] PW = "secret".toCharArray();

    @Test
    void imapPop3AndSmtpWithTheCertificateTrustedAreOk(IceWarpServer server) {
        SettingsCheck check = new SettingsCheck(List.of(server.certificate()), Duration.ofSeconds(5));
        Verdict imap = check.check(Protocol.IMAP, server.imapStartTls(), "jean@iwdemo.test", PW);
        assertThat(imap.kind()).as(imap.message()).isEqualTo(Kind.OK);
        assertThat(imap.capabilities()).contains("X-ICEWARP-SERVER", "QRESYNC", "IDLE");
        assertThat(check.check(Protocol.IMAP, server.imaps(), "jean@iwdemo.test", PW).kind()).isEqualTo(Kind.OK);
        assertThat(check.check(Protocol.POP3, server.pop3s(), "jean@iwdemo.test", PW).kind()).isEqualTo(Kind.OK);
        Endpoint smtp = new Endpoint("127.0.0.1", server.smtp().port(), Security.STARTTLS);
        Verdict s = check.check(Protocol.SMTP, smtp, "jean@iwdemo.test", PW);
        assertThat(s.kind()).as(s.message()).isEqualTo(Kind.OK);
    }

    @Test
    void anUntrustedCertificateIsShownForTheUserToDecide(IceWarpServer server) {
        Verdict v = new SettingsCheck().check(Protocol.IMAP, server.imaps(), "jean@iwdemo.test", PW);
        assertThat(v.kind()).isEqualTo(Kind.UNTRUSTED_CERTIFICATE);
        assertThat(v.chain()).first().isEqualTo(server.certificate());
        assertThat(v.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(v.message()).contains("CN=localhost", v.fingerprint());
    }

    @Test
    void wrongPasswordRefusedPortUnknownHostAndSilentServer(IceWarpServer server) throws Exception {
        SettingsCheck check = new SettingsCheck(List.of(server.certificate()), Duration.ofMillis(800));
        Verdict auth = check.check(Protocol.IMAP, server.imaps(), "jean@iwdemo.test", "Wr0ngPass".toCharArray());
        assertThat(auth.kind()).isEqualTo(Kind.AUTH_REJECTED);
        assertThat(auth.message()).doesNotContain("Wr0ngPass");

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThat(check.check(Protocol.IMAP, new Endpoint("127.0.0.1", closed, Security.PLAIN), "x", PW).kind())
                .isEqualTo(Kind.REFUSED);
        assertThat(check.check(Protocol.IMAP, new Endpoint("no-such-host.invalid", 993, Security.SSL), "x", PW).kind())
                .isEqualTo(Kind.DNS);
        try (ServerSocket silent = new ServerSocket(0)) {
            Verdict v = check.check(Protocol.IMAP, new Endpoint("127.0.0.1", silent.getLocalPort(), Security.PLAIN), "x", PW);
            assertThat(v.kind()).as(v.message()).isEqualTo(Kind.TIMEOUT);
        }
    }

    @Test
    void aRefusedStarttlsIsATlsVerdictNotARefusedLogin(IceWarpServer server) {
        server.faults().on("STARTTLS").replyNo("TLS not available");
        SettingsCheck check = new SettingsCheck(List.of(server.certificate()), Duration.ofSeconds(5));
        Verdict v = check.check(Protocol.IMAP, server.imapStartTls(), "jean@iwdemo.test", PW);
        assertThat(v.kind()).as(v.message()).isEqualTo(Kind.TLS_HANDSHAKE);
        assertThat(v.message()).contains("refused STARTTLS (TLS not available)", "--security ssl");
    }

    @Test
    void aTrustedCertificateForOtherNamesIsNotCalledUntrusted() {
        try (IceWarpServer other = IceWarpServer.builder().host("127.0.0.2").account("jean@iwdemo.test", "secret").start()) {
            SettingsCheck check = new SettingsCheck(List.of(other.certificate()), Duration.ofSeconds(5));
            Verdict v = check.check(Protocol.IMAP, new Endpoint("127.0.0.2", other.imaps().port(), Security.SSL),
                    "jean@iwdemo.test", PW);
            assertThat(v.kind()).as(v.message()).isEqualTo(Kind.TLS_HANDSHAKE);
            assertThat(v.message()).contains("made out for other names", "127.0.0.2").doesNotContain("not trusted");
        }
    }
}
