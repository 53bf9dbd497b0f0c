package io.icesync.smartdiscover;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Endpoint;
import io.icesync.core.ProxyChoice;
import io.icesync.core.Security;
import io.icesync.core.ServiceAccess;
import io.icesync.core.Timeouts;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.smartdiscover.SettingsCheck.Protocol;
import io.icesync.smartdiscover.Verdict.Kind;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestProxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** "Verify settings" with a {@link ServiceAccess}: through its proxy, and only then. */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class ProxiedSettingsCheckTest {
    static final char[] PW = "secret".toCharArray();

    static SettingsCheck check(IceWarpServer server, ProxyChoice proxy) {
        return new SettingsCheck(ServiceAccess.builder().trust(CertificateTrust.inMemory(server.certificate()))
                .timeouts(Timeouts.of(Duration.ofSeconds(5))).proxy(proxy).build());
    }

    @Test
    void imapSmtpAndPop3ThroughTheProxyAreOkAndTheProxySawThem(IceWarpServer server) {
        try (TestProxy proxy = TestProxy.start()) {
            SettingsCheck check = check(server, proxy.choice());
            Verdict imap = check.check(Protocol.IMAP, server.imaps(), "jean@iwdemo.test", PW);
            assertThat(imap.kind()).as(imap.message()).isEqualTo(Kind.OK);
            Endpoint smtp = new Endpoint("127.0.0.1", server.smtp().port(), Security.STARTTLS);
            Verdict s = check.check(Protocol.SMTP, smtp, "jean@iwdemo.test", PW);
            assertThat(s.kind()).as(s.message()).isEqualTo(Kind.OK);
            Verdict pop = check.check(Protocol.POP3, server.pop3s(), "jean@iwdemo.test", PW);
            assertThat(pop.kind()).as(pop.message()).isEqualTo(Kind.OK);
            assertThat(proxy.connects()).containsExactly("127.0.0.1:" + server.imaps().port(),
                    "127.0.0.1:" + server.smtp().port(), "127.0.0.1:" + server.pop3s().port());
        }
    }

    @Test
    void aRefusingProxyIsTheVerdict(IceWarpServer server) {
        try (TestProxy proxy = TestProxy.start()) {
            proxy.refuse();
            Verdict v = check(server, proxy.choice()).check(Protocol.IMAP, server.imaps(), "jean@iwdemo.test", PW);
            assertThat(v.kind()).isEqualTo(Kind.REFUSED);
            assertThat(v.message()).contains("HTTP proxy 127.0.0.1:" + proxy.port(), "refused to connect",
                    "403 Forbidden").doesNotContain("secret");
        }
    }

    @Test
    void withoutAProxyTheProxySeesNothing(IceWarpServer server) {
        try (TestProxy proxy = TestProxy.start()) {
            Verdict v = check(server, ProxyChoice.none()).check(Protocol.IMAP, server.imaps(), "jean@iwdemo.test", PW);
            assertThat(v.kind()).as(v.message()).isEqualTo(Kind.OK);
            assertThat(proxy.connects()).isEmpty();
        }
    }
}
