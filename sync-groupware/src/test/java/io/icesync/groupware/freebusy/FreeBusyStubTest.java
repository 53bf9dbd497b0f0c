package io.icesync.groupware.freebusy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.icesync.core.AuthenticationException;
import io.icesync.core.ConnectionException;
import io.icesync.core.IceSyncException;
import io.icesync.core.Timeouts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Free/busy against a scripted server: the request it sends, and a typed error naming the URL for each broken answer. */
class FreeBusyStubTest {
    private static final String ANNE = "anne@iwdemo.test";
    private static final String PATH = "/freebusy/?anne@iwdemo.test";
    private static final Instant FROM = Instant.parse("2025-03-10T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-03-17T00:00:00Z");
    private static final String BUSY = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VFREEBUSY\r\n"
            + "FREEBUSY;FBTYPE=BUSY:20250310T100000Z/PT1H\r\nEND:VFREEBUSY\r\nEND:VCALENDAR\r\n";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static FreeBusyClient client(Duration read) {
        return FreeBusyClient.builder(FreeBusyTemplate.parse(server.baseUrl() + "/freebusy/?%NAME%@%SERVER%"))
                .credentials("jean@iwdemo.test", "pw-Busy-3".toCharArray())
                .timeouts(Timeouts.of(Duration.ofSeconds(10)).withRead(read)).build();
    }

    private static String url() {
        return server.baseUrl() + PATH;
    }

    @Test
    void theRequestAsksForICalendarAtTheExpandedAddressAndTheAnswerIsRead() {
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/calendar").withBody(BUSY)));

        FreeBusy fb;
        try (FreeBusyClient c = client(Duration.ofSeconds(5))) {
            fb = c.fetch(ANNE, FROM, TO);
        }

        assertThat(fb.busy()).singleElement().satisfies(p -> assertThat(p.start()).isEqualTo(Instant.parse("2025-03-10T10:00:00Z")));
        server.verify(getRequestedFor(urlEqualTo(PATH)).withHeader("Accept", containing("text/calendar")));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aBrokenAnswerIsAConnectionErrorNamingTheUrl(Fault fault) {
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFault(fault)));

        try (FreeBusyClient c = client(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> c.fetch(ANNE, FROM, TO)).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining(url()).satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw-Busy-3"));
        }
    }

    @Test
    void anAnswerThatDribblesPastTheReadTimeoutIsATimeout() {
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/calendar")
                .withBody(BUSY).withChunkedDribbleDelay(3, 6_000)));

        try (FreeBusyClient c = client(Duration.ofMillis(800))) {
            assertThatThrownBy(() -> c.fetch(ANNE, FROM, TO)).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining(url()).hasMessageContaining("did not answer in time");
        }
    }

    @Test
    void aLoginPageOrBrokenICalendarIsAFormatErrorNamingTheUrl() {
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Please log in</body></html>")));
        try (FreeBusyClient c = client(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> c.fetch(ANNE, FROM, TO)).isInstanceOf(FreeBusyFormatException.class).hasMessageContaining(url());
        }

        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/calendar")
                .withBody("BEGIN:VCALENDAR\r\nBEGIN:VFREEBUSY\r\nFREEBUSY:not-a-period\r\n")));
        try (FreeBusyClient c = client(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> c.fetch(ANNE, FROM, TO)).isInstanceOf(FreeBusyFormatException.class).hasMessageContaining(url());
        }
    }

    @Test
    void aRedirectLoopEndsInATypedErrorAndARedirectToNothingIsNotFound() {
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));
        server.stubFor(get(urlEqualTo("/loop")).willReturn(aResponse().withStatus(302).withHeader("Location", PATH)));
        try (FreeBusyClient c = client(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> c.fetch(ANNE, FROM, TO)).isInstanceOf(IceSyncException.class)
                    .hasMessageContaining(url()).hasMessageContaining("edirect");
        }
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSizeLessThanOrEqualTo(5);

        server.resetAll();
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(301).withHeader("Location", "/moved")));
        server.stubFor(get(urlEqualTo("/moved")).willReturn(aResponse().withStatus(404)));
        try (FreeBusyClient c = client(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> c.fetch(ANNE, FROM, TO)).isInstanceOf(FreeBusyNotFoundException.class);
        }
    }

    @Test
    void aLoginAskedOverPlainHttpIsRefusedWithoutSendingThePassword() {
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"fb\"")));

        try (FreeBusyClient c = client(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> c.fetch(ANNE, FROM, TO)).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("only sent over HTTPS").hasMessageContaining(url());
        }
        server.verify(getRequestedFor(urlEqualTo(PATH)).withoutHeader("Authorization"));
        server.verify(0, getRequestedFor(anyUrl()).withHeader("Authorization", containing("Basic")));
    }
}
