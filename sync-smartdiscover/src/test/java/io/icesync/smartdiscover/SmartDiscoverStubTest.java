package io.icesync.smartdiscover;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.icesync.smartdiscover.DiscoveryAttempt.Outcome;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.internal.tls.TestCertificate;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Autodiscover against a scripted HTTPS server (names from the testkit's DNS): each broken answer is one
 * attempt in the trail with a kind a user can act on, discovery goes on to the next candidate, the
 * password never appears, and redirects go only where the rules allow.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class SmartDiscoverStubTest {
    private static final String JEAN = "jean@iwdemo.test";
    private static final String PASSWORD = "pw-Disco-7";
    private static final String AD = "/autodiscover/autodiscover.xml";
    private static final String FIRST = "autodiscover.iwdemo.test";
    private static final String SECOND = "iwdemo.test";
    private static final String SETTINGS = "<?xml version=\"1.0\"?><Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/"
            + "autodiscover/responseschema/2006\"><Response xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/"
            + "responseschema/2006a\"><Account><Action>settings</Action><Protocol><Type>IMAP</Type><Server>mail.iwdemo.test"
            + "</Server><Port>993</Port><LoginName>jean@iwdemo.test</LoginName></Protocol></Account></Response></Autodiscover>";

    @TempDir
    static Path keys;

    private WireMockServer https;
    private TestCertificate certificate;

    @BeforeEach
    void start(IceWarpServer server) throws Exception {
        certificate = TestCertificate.generate("localhost", List.of(FIRST, SECOND, "mail.iwdemo.test", "evil.iwdemo.test"));
        Path store = Files.createTempFile(keys, "wiremock", ".p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", certificate.key(), "changeit".toCharArray(), new Certificate[] {certificate.certificate()});
        try (OutputStream out = Files.newOutputStream(store)) {
            ks.store(out, "changeit".toCharArray());
        }
        https = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort().keystorePath(store.toString())
                .keystoreType("PKCS12").keystorePassword("changeit").keyManagerPassword("changeit"));
        https.start();
        // Only the two Autodiscover names of the domain: no MX or SRV candidate leads to the testkit's own server.
        server.dnsZone().remove("_autodiscover._tcp.iwdemo.test").remove("iwdemo.test").a(SECOND, "127.0.0.1")
                .remove("_imaps._tcp.iwdemo.test").remove("_imap._tcp.iwdemo.test").remove("_submission._tcp.iwdemo.test")
                .remove("_pop3s._tcp.iwdemo.test");
    }

    @AfterEach
    void stop() {
        https.stop();
    }

    private DiscoveryResult discover(IceWarpServer server, Duration read) {
        return SmartDiscover.builder().dns(Dns.at(server.dns(), Duration.ofMillis(500))).httpsPort(https.httpsPort())
                .trust(certificate.certificate()).timeouts(io.icesync.core.Timeouts.of(Duration.ofSeconds(5)).withRead(read))
                .build().discover(JEAN, PASSWORD.toCharArray());
    }

    private void answer(String host, ResponseDefinitionBuilder reply) {
        https.stubFor(post(urlEqualTo(AD)).withHost(equalTo(host)).willReturn(reply));
    }

    private static DiscoveryAttempt first(DiscoveryResult r) {
        return r.trail().get(0);
    }

    @Test
    void theRequestIsAPostOfThePoxBodyWithTheLoginAndTheAnswerIsRead(IceWarpServer server) {
        answer(FIRST, aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(SETTINGS));

        DiscoveryResult r = discover(server, Duration.ofSeconds(5));

        assertThat(r.found()).as(r.trail().toString()).isTrue();
        assertThat(r.settings().imapLogin()).isEqualTo(JEAN);
        String basic = "Basic " + Base64.getEncoder().encodeToString((JEAN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        https.verify(1, postRequestedFor(urlEqualTo(AD)).withHost(equalTo(FIRST))
                .withHeader("Authorization", equalTo(basic))
                .withHeader("Content-Type", containing("text/xml"))
                .withRequestBody(containing("<EMailAddress>" + JEAN + "</EMailAddress>")));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aBrokenAnswerIsOneAttemptNamingTheServerAndTheNextCandidateIsAsked(Fault fault, IceWarpServer server) {
        answer(FIRST, aResponse().withStatus(200).withFault(fault));
        answer(SECOND, aResponse().withStatus(200).withBody(SETTINGS));

        DiscoveryResult r = discover(server, Duration.ofSeconds(5));

        assertThat(first(r).candidate()).isEqualTo("https://" + FIRST + AD);
        assertThat(first(r).outcome()).as(first(r).toString()).isEqualTo(Outcome.BROKEN_ANSWER);
        assertThat(r.found()).isTrue();
        assertThat(r.settings().source()).contains(SECOND);
        assertThat(r.trail().toString()).doesNotContain(PASSWORD);
    }

    @Test
    void anAnswerThatDribblesPastTheReadTimeoutIsATimeout(IceWarpServer server) {
        answer(FIRST, aResponse().withStatus(200).withBody(SETTINGS).withChunkedDribbleDelay(3, 9_000));
        answer(SECOND, aResponse().withStatus(200).withBody(SETTINGS));

        DiscoveryResult r = discover(server, Duration.ofMillis(1500));

        assertThat(first(r).outcome()).as(first(r).toString()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.found()).as(r.trail().toString()).isTrue();
    }

    @Test
    void malformedXmlAndAHugeAnswerAreXmlAttemptsThatSayWhy(IceWarpServer server) {
        answer(FIRST, aResponse().withStatus(200).withBody("<Autodiscover><Response><Account>"));
        answer(SECOND, aResponse().withStatus(200).withBody("<Autodiscover>" + "x".repeat(300 * 1024) + "</Autodiscover>"));

        DiscoveryResult r = discover(server, Duration.ofSeconds(5));

        assertThat(r.trail().get(0).outcome()).isEqualTo(Outcome.XML);
        assertThat(r.trail().get(1).outcome()).isEqualTo(Outcome.XML);
        assertThat(r.trail().get(1).detail()).contains("larger than");
        assertThat(r.found()).isFalse();
    }

    @Test
    void anHttpRedirectToPlainHttpOrAnotherDomainIsNotFollowedWithThePassword(IceWarpServer server) {
        answer(FIRST, aResponse().withStatus(302).withHeader("Location", "http://" + SECOND + AD));
        answer(SECOND, aResponse().withStatus(301).withHeader("Location", "https://evil.example.net" + AD));

        DiscoveryResult r = discover(server, Duration.ofSeconds(5));

        assertThat(r.trail()).extracting(DiscoveryAttempt::outcome).startsWith(Outcome.REDIRECTED, Outcome.REFUSED_BY_POLICY,
                Outcome.REDIRECTED, Outcome.REFUSED_BY_POLICY);
        assertThat(r.found()).isFalse();
        https.verify(2, postRequestedFor(urlEqualTo(AD)));
        assertThat(https.findAll(anyRequestedFor(anyUrl()))).noneMatch(q -> q.getHost().contains("evil"));
    }

    @Test
    void aRedirectWithinTheDomainIsFollowedAndTheLoginGoesThere(IceWarpServer server) {
        answer(FIRST, aResponse().withStatus(302).withHeader("Location", "https://mail.iwdemo.test:" + https.httpsPort() + AD));
        answer("mail.iwdemo.test", aResponse().withStatus(200).withBody(SETTINGS));

        DiscoveryResult r = discover(server, Duration.ofSeconds(5));

        assertThat(r.found()).as(r.trail().toString()).isTrue();
        assertThat(r.settings().source()).isEqualTo("https://mail.iwdemo.test:" + https.httpsPort() + AD);
        https.verify(postRequestedFor(urlEqualTo(AD)).withHost(equalTo("mail.iwdemo.test"))
                .withHeader("Authorization", containing("Basic ")));
    }
}
