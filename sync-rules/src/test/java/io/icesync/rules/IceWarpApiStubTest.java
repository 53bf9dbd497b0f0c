package io.icesync.rules;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.icesync.core.ConnectionException;
import io.icesync.core.ProtocolException;
import io.icesync.core.ServiceAccess;
import io.icesync.core.Timeouts;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.net.HttpClientFactory;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.internal.tls.TestCertificate;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The IceWarp XML API through a scripted HTTPS proxy in front of the testkit's {@code /icewarpapi/}:
 * everything passes, except the one command a test breaks. Errors name the API and the command, never
 * the password; a push cut halfway and run again leaves each rule once.
 */
@IceWarpTest(accounts = "jean@iwdemo.test:secret")
class IceWarpApiStubTest {
    private static final String JEAN = "jean@iwdemo.test";

    @TempDir
    static Path keys;

    private WireMockServer proxy;
    private TestCertificate certificate;

    @BeforeEach
    void start(IceWarpServer server) throws Exception {
        certificate = TestCertificate.generate("localhost", List.of());
        Path store = Files.createTempFile(keys, "wiremock", ".p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", certificate.key(), "changeit".toCharArray(), new Certificate[] {certificate.certificate()});
        try (OutputStream out = Files.newOutputStream(store)) {
            ks.store(out, "changeit".toCharArray());
        }
        proxy = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort().keystorePath(store.toString())
                .keystoreType("PKCS12").keystorePassword("changeit").keyManagerPassword("changeit").trustAllProxyTargets(true));
        proxy.start();
        URI api = server.icewarpApiUrl();
        proxy.stubFor(any(anyUrl()).atPriority(10)
                .willReturn(aResponse().proxiedFrom("https://" + api.getHost() + ":" + api.getPort())));
    }

    @AfterEach
    void stop() {
        proxy.stop();
    }

    private URI api() {
        return URI.create("https://localhost:" + proxy.httpsPort() + "/icewarpapi/");
    }

    private IceWarpRulesProvider connect(Duration read) {
        return IceWarpRulesProvider.connect(api(), ServiceAccess.builder().credentials(JEAN, "secret".toCharArray())
                .trust(CertificateTrust.inMemory(certificate.certificate()))
                .timeouts(Timeouts.of(Duration.ofSeconds(10)).withRead(read)).build(), HttpClientFactory.standard());
    }

    private void breakCommand(String command, ResponseDefinitionBuilder answer) {
        proxy.stubFor(post(urlEqualTo("/icewarpapi/")).withRequestBody(containing("<commandname>" + command + "</commandname>"))
                .atPriority(1).willReturn(answer));
    }

    private static void namesNoPassword(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("secret");
        }
    }

    @Test
    void theLoginSendsTheAccountOnceAndEveryLaterCommandCarriesTheSession() {
        try (IceWarpRulesProvider rules = connect(Duration.ofSeconds(10))) {
            rules.pull();
        }
        proxy.verify(1, postRequestedFor(urlEqualTo("/icewarpapi/"))
                .withRequestBody(containing("<commandname>authenticate</commandname>"))
                .withRequestBody(containing("<email>" + JEAN + "</email>")));
        proxy.verify(postRequestedFor(urlEqualTo("/icewarpapi/"))
                .withRequestBody(containing("<commandname>getrulesinfolist</commandname>"))
                .withRequestBody(containing(" sid=\"")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                        .notContaining("secret")));
        proxy.verify(1, postRequestedFor(urlEqualTo("/icewarpapi/")).withRequestBody(containing("<commandname>logout</commandname>")));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aBrokenAnswerToACommandIsAConnectionErrorNamingTheApi(Fault fault) {
        breakCommand("getrulesinfolist", aResponse().withFault(fault));

        try (IceWarpRulesProvider rules = connect(Duration.ofSeconds(10))) {
            assertThatThrownBy(rules::pull).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining(api().toString())
                    .satisfies(IceWarpApiStubTest::namesNoPassword);
        }
    }

    @Test
    void aBrokenAnswerToTheLoginNamesTheApiAndNotThePassword() {
        breakCommand("authenticate", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThatThrownBy(() -> connect(Duration.ofSeconds(10))).isInstanceOf(ConnectionException.class)
                .hasMessageContaining(api().toString())
                .satisfies(IceWarpApiStubTest::namesNoPassword);
    }

    @Test
    void anAnswerThatStallsIsAConnectionErrorNotAHang() {
        breakCommand("getaccountproperties", aResponse().withStatus(200).withBody("<iq type=\"result\"/>")
                .withChunkedDribbleDelay(3, 6_000));

        try (IceWarpRulesProvider rules = connect(Duration.ofMillis(1000))) {
            assertThatThrownBy(rules::pull).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining(api().toString());
        }
    }

    @Test
    void malformedXmlAndAnHtmlPageAreProtocolErrorsNamingTheCommand() {
        breakCommand("getrulesinfolist", aResponse().withStatus(200).withBody("<iq type=\"result\"><query"));
        try (IceWarpRulesProvider rules = connect(Duration.ofSeconds(10))) {
            assertThatThrownBy(rules::pull).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining(api().toString()).hasMessageContaining("getrulesinfolist");
        }

        breakCommand("getrulesinfolist", aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Maintenance</body></html>"));
        try (IceWarpRulesProvider rules = connect(Duration.ofSeconds(10))) {
            assertThatThrownBy(rules::pull).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("getrulesinfolist").hasMessageContaining("<html>");
        }
    }

    @Test
    void aRedirectIsNotFollowedAndTheErrorSaysWhere() {
        breakCommand("authenticate", aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example/icewarpapi/"));

        assertThatThrownBy(() -> connect(Duration.ofSeconds(10))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("HTTP 302").hasMessageContaining("https://elsewhere.example/icewarpapi/")
                .satisfies(IceWarpApiStubTest::namesNoPassword);
        proxy.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void aPushCutHalfwayAndRunAgainLeavesEachRuleOnce(IceWarpServer server) {
        Rule first = new Rule("first", true, new Condition.Header(Condition.Field.SUBJECT,
                new StringTest(StringTest.Function.CONTAINS, List.of("one"), false, false)), List.of(new Action.MoveTo("One")));
        Rule second = new Rule("second", true, new Condition.Header(Condition.Field.SUBJECT,
                new StringTest(StringTest.Function.CONTAINS, List.of("two"), false, false)), List.of(new Action.MoveTo("Two")));
        RuleSet wanted = new RuleSet(List.of(first, second), java.util.Map.of(), Forwarding.off(), AutoResponder.off());
        proxy.stubFor(post(urlEqualTo("/icewarpapi/")).withRequestBody(containing("<commandname>addrule</commandname>"))
                .withRequestBody(containing("second")).atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        try (IceWarpRulesProvider rules = connect(Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> rules.push(wanted)).isInstanceOf(ConnectionException.class);
        }
        proxy.resetAll();
        URI api = server.icewarpApiUrl();
        proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom("https://" + api.getHost() + ":" + api.getPort())));
        try (IceWarpRulesProvider rules = connect(Duration.ofSeconds(10))) {
            rules.push(wanted);
            assertThat(rules.pull().rules()).extracting(Rule::name).containsExactly("first", "second");
        }
    }

    @Test
    void theSignatureReadsAnAnswerWithoutItAndARefusedWriteAsTypedErrors() {
        try (IceWarpSignature signature = IceWarpSignature.connect(api(), ServiceAccess.builder()
                .credentials(JEAN, "secret".toCharArray()).trust(CertificateTrust.inMemory(certificate.certificate()))
                .timeout(Duration.ofSeconds(10)).build(), HttpClientFactory.standard())) {
            String before = signature.read().html();
            breakCommand("setaccountproperties", aResponse().withStatus(200)
                    .withBody("<iq type=\"error\"><query xmlns=\"admin:iq:rpc\"><error uid=\"account_locked\"/></query></iq>"));
            assertThatThrownBy(() -> signature.write("<p>Jean</p>")).isInstanceOfSatisfying(IceWarpApiException.class, e -> {
                assertThat(e.command()).isEqualTo("setaccountproperties");
                assertThat(e.errorId()).isEqualTo("account_locked");
            });

            breakCommand("getaccountproperties", aResponse().withStatus(200)
                    .withBody("<iq type=\"result\"><query xmlns=\"admin:iq:rpc\"/></iq>"));
            assertThatThrownBy(signature::read).isInstanceOf(IceWarpApiException.class)
                    .hasMessageContaining(api().toString()).hasMessageContaining(IceWarpSignature.PROPERTY);
            assertThat(before).isNotNull();
        }
    }
}
