package io.icesync.smartdiscover;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Security;
import io.icesync.smartdiscover.DiscoveryAttempt.Outcome;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Discovery against the test server's SmartDiscover, autoconfig and DNS: every candidate kind and every way to fail. */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "j.dupont@iwdemo.test:secret"})
class SmartDiscoverTest {
    static final String JEAN = "jean@iwdemo.test";
    static final String AD = "/autodiscover/autodiscover.xml";

    static SmartDiscover.Builder discovery(IceWarpServer server) {
        return SmartDiscover.builder().dns(Dns.at(server.dns(), Duration.ofMillis(500)))
                .httpsPort(server.https().getPort()).trust(server.certificate()).timeout(Duration.ofSeconds(3));
    }

    static DiscoveryResult discover(IceWarpServer server, String email, String password) {
        return discovery(server).build().discover(email, password.toCharArray());
    }

    static List<Outcome> outcomes(DiscoveryResult r) {
        return r.trail().stream().map(DiscoveryAttempt::outcome).toList();
    }

    @Test
    void theFirstCandidateGivesEveryEndpointAndKeepsIceWarpsExtras(IceWarpServer server) {
        DiscoveryResult r = discover(server, JEAN, "secret");
        assertThat(r.found()).as(r.trail().toString()).isTrue();
        assertThat(r.trail()).singleElement().satisfies(a -> {
            assertThat(a.candidate()).isEqualTo("https://autodiscover.iwdemo.test" + AD);
            assertThat(a.outcome()).isEqualTo(Outcome.FOUND);
        });
        DiscoveredSettings s = r.settings();
        assertThat(s.imap()).isEqualTo(server.imaps());
        assertThat(s.imapLogin()).isEqualTo(JEAN);
        assertThat(s.pop3()).isEqualTo(server.pop3s());
        assertThat(s.smtp().port()).isEqualTo(server.smtp().port());
        assertThat(s.smtp().security()).isEqualTo(Security.STARTTLS);
        assertThat(s.webdav()).hasToString(server.https() + "webdav/");
        assertThat(s.web()).hasToString(server.https() + "webmail/");
        assertThat(s.otherProtocols()).anySatisfy(p -> assertThat(p).containsEntry("Type", "XMPP"));
        assertThat(server.smartDiscover().requests()).singleElement().asString().contains("https", "auth=yes");
    }

    @Test
    void candidatesGoInTheGuidesOrder(IceWarpServer server) {
        server.dnsZone().remove("autodiscover.iwdemo.test");
        DiscoveryResult r = discover(server, JEAN, "secret");
        assertThat(outcomes(r)).containsExactly(Outcome.DNS, Outcome.FOUND);
        assertThat(r.trail().get(1).candidate()).isEqualTo("https://iwdemo.test" + AD);

        server.dnsZone().remove("iwdemo.test").mx("iwdemo.test", 5, "mx1.iwdemo.test")
                .a("mx1.iwdemo.test", "127.0.0.1");
        server.smartDiscover().status(JEAN, 503);
        r = discover(server, JEAN, "secret");
        // autodiscover.D, D, each MX host by preference, the SRV target; then autoconfig.
        assertThat(r.trail()).extracting(DiscoveryAttempt::candidate).startsWith(
                "https://autodiscover.iwdemo.test" + AD, "https://iwdemo.test" + AD,
                "https://mx1.iwdemo.test" + AD, "https://mail.iwdemo.test:" + server.https().getPort() + AD);
    }

    @Test
    void anSrvTargetIsTheLastAutodiscoverCandidate(IceWarpServer server) {
        server.dnsZone().remove("autodiscover.iwdemo.test").remove("iwdemo.test").remove("_autodiscover._tcp.iwdemo.test")
                .srv("_autodiscover._tcp.iwdemo.test", 0, 5, server.https().getPort(), "disco.iwdemo.test")
                .a("disco.iwdemo.test", "127.0.0.1");
        DiscoveryResult r = discover(server, JEAN, "secret");
        assertThat(r.found()).isTrue();
        assertThat(r.settings().source()).isEqualTo("https://disco.iwdemo.test:" + server.https().getPort() + AD);
    }

    @Test
    void redirectsByUrlAndByAddressAreFollowedWithinTheDomain(IceWarpServer server) {
        server.smartDiscover().redirectUrl(JEAN, "https://mail.iwdemo.test" + AD);
        DiscoveryResult r = discover(server, JEAN, "secret");
        assertThat(outcomes(r)).containsExactly(Outcome.REDIRECTED, Outcome.FOUND);

        server.smartDiscover().redirectAddress(JEAN, "j.dupont@iwdemo.test");
        r = discover(server, JEAN, "secret");
        assertThat(outcomes(r)).containsExactly(Outcome.REDIRECTED, Outcome.FOUND);
        assertThat(r.trail().get(0).detail()).isEqualTo("redirectAddr j.dupont@iwdemo.test");
    }

    @Test
    void thePasswordNeverLeavesTheDomainWithoutConsentNorGoesOverHttp(IceWarpServer server) {
        server.smartDiscover().redirectUrl(JEAN, "https://autodiscover.evil.example" + AD);
        DiscoveryResult refused = discover(server, JEAN, "secret");
        assertThat(refused.trail()).anySatisfy(a -> {
            assertThat(a.candidate()).contains("evil.example");
            assertThat(a.outcome()).isEqualTo(Outcome.REFUSED_BY_POLICY);
        });
        assertThat(refused.found()).as("the next candidate of the user's own domain still answers").isTrue();

        server.smartDiscover().redirectUrl(JEAN, "https://autodiscover.evil.example" + AD);
        DiscoveryResult granted = discovery(server).consent(u -> u.getHost().endsWith("evil.example")).build()
                .discover(JEAN, "secret".toCharArray());
        assertThat(granted.trail()).anySatisfy(a -> {
            assertThat(a.candidate()).contains("evil.example");
            assertThat(a.outcome()).as("tried, with consent: the name does not resolve").isEqualTo(Outcome.DNS);
        });

        server.smartDiscover().httpRedirect(JEAN, "http://autodiscover.iwdemo.test" + AD);
        DiscoveryResult http = discover(server, JEAN, "secret");
        assertThat(http.trail()).anySatisfy(a -> {
            assertThat(a.candidate()).startsWith("http://");
            assertThat(a.outcome()).isEqualTo(Outcome.REFUSED_BY_POLICY);
        });
        assertThat(server.smartDiscover().requests()).allSatisfy(req -> assertThat(req).contains(" https "));
    }

    @Test
    void moreThanTwoAddressRedirectsAreRefused(IceWarpServer server) {
        server.model().addAccount("a3@iwdemo.test", "x");
        server.smartDiscover().redirectAddress(JEAN, "j.dupont@iwdemo.test")
                .redirectAddress("j.dupont@iwdemo.test", "a3@iwdemo.test").redirectAddress("a3@iwdemo.test", JEAN);
        DiscoveryResult r = discover(server, JEAN, "secret");
        assertThat(r.trail()).anySatisfy(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.REFUSED_BY_POLICY);
            assertThat(a.detail()).contains("address redirects");
        });
    }

    @Test
    void errorCodesAndRefusedPasswordsFallBackToAutoconfig(IceWarpServer server) {
        server.smartDiscover().error(JEAN, 500);
        DiscoveryResult r = discover(server, JEAN, "secret");
        assertThat(r.trail()).filteredOn(a -> a.outcome() == Outcome.SERVER_ERROR).isNotEmpty()
                .allSatisfy(a -> assertThat(a.detail()).startsWith("500"));
        assertThat(r.found()).isTrue();
        assertThat(r.settings().source()).contains("/mail/config-v1.1.xml?emailaddress=jean%40iwdemo.test");
        assertThat(r.settings().imap()).isEqualTo(server.imaps());

        server.smartDiscover().reset();
        DiscoveryResult wrong = discover(server, JEAN, "wrong");
        assertThat(wrong.trail()).filteredOn(a -> a.outcome() == Outcome.HTTP_STATUS).isNotEmpty()
                .allSatisfy(a -> assertThat(a.detail()).contains("401"));
    }

    @Test
    void hostileOrMalformedXmlIsRefusedWithATypedOutcome(IceWarpServer server) {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Autodiscover><Response><Account><Action>settings</Action><Protocol><Type>IMAP</Type>"
                + "<Server>&x;</Server></Protocol></Account></Response></Autodiscover>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><Autodiscover><Response>&c;</Response></Autodiscover>";
        String huge = "<Autodiscover><Response>" + "x".repeat(1_000_000) + "</Response></Autodiscover>";
        for (String body : List.of(xxe, laughs, huge, "<Autodiscover><Response><Account>", "not xml at all")) {
            server.smartDiscover().raw(JEAN, body);
            DiscoveryResult r = discover(server, JEAN, "secret");
            assertThat(r.trail()).filteredOn(a -> a.outcome() == Outcome.XML).isNotEmpty();
            assertThat(r.trail()).noneSatisfy(a -> assertThat(a.detail()).contains("root:"));
            assertThat(r.settings().source()).as("autoconfig still answers").contains("config-v1.1.xml");
        }
    }

    @Test
    void srvRecordsAreTheLastResortAndThenManualWithEveryReason(IceWarpServer server) {
        server.smartDiscover().autodiscover(false).autoconfig(false);
        DiscoveryResult r = discover(server, JEAN, "secret");
        assertThat(r.found()).isTrue();
        assertThat(r.settings().source()).isEqualTo("DNS SRV records of iwdemo.test");
        assertThat(r.settings().imap()).isEqualTo(new io.icesync.core.Endpoint("mail.iwdemo.test", server.imaps().port(),
                Security.SSL));

        for (String srv : List.of("_imaps._tcp", "_imap._tcp", "_pop3s._tcp", "_submission._tcp")) {
            server.dnsZone().remove(srv + ".iwdemo.test");
        }
        DiscoveryResult manual = discover(server, JEAN, "secret");
        assertThat(manual.found()).isFalse();
        assertThat(manual.trail()).extracting(DiscoveryAttempt::outcome).contains(Outcome.HTTP_STATUS, Outcome.NO_SETTINGS);
        assertThat(manual.trail()).allSatisfy(a -> assertThat(a.detail()).isNotNull());
        assertThat(manual.trail().size()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void dnsTimeoutsAndUntrustedCertificatesAreReportedAsSuch(IceWarpServer server) {
        server.dnsZone().silent("autodiscover.iwdemo.test");
        DiscoveryResult r = discover(server, JEAN, "secret");
        assertThat(r.trail().get(0).outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.found()).isTrue();

        DiscoveryResult untrusted = SmartDiscover.builder().dns(Dns.at(server.dns(), Duration.ofMillis(500)))
                .httpsPort(server.https().getPort()).build().discover(JEAN, "secret".toCharArray());
        assertThat(untrusted.trail()).filteredOn(a -> a.outcome() == Outcome.TLS).isNotEmpty()
                .allSatisfy(a -> assertThat(a.detail()).contains("SHA-256", "CN=localhost"));
    }

    @Test
    void aPublicSuffixIsNeverAnAutodiscoverDomain(IceWarpServer server) {
        DiscoveryResult r = discover(server, "someone@co.uk", "x");
        assertThat(r.trail().get(0).outcome()).isEqualTo(Outcome.REFUSED_BY_POLICY);
        assertThat(r.trail()).noneSatisfy(a -> assertThat(a.candidate()).startsWith("https://autodiscover.co.uk"));
    }

    @Test
    void aServerThatSpeaksOnlyHttpNeverGetsThePassword(IceWarpServer server) {
        DiscoveryResult r = SmartDiscover.builder().dns(Dns.at(server.dns(), Duration.ofMillis(500)))
                .httpsPort(server.http().getPort()).trust(server.certificate()).timeout(Duration.ofSeconds(1)).build()
                .discover(JEAN, "secret".toCharArray());
        // The candidates without a port land on the plain HTTP port: TLS never gets going there.
        assertThat(r.trail()).filteredOn(a -> !a.candidate().contains(":" + server.https().getPort()))
                .filteredOn(a -> a.candidate().contains("/autodiscover/")).hasSize(3)
                .allSatisfy(a -> assertThat(a.outcome()).isIn(Outcome.TLS, Outcome.TIMEOUT));
        assertThat(server.smartDiscover().requests()).noneSatisfy(req -> assertThat(req).startsWith("POST http "));
    }
}
