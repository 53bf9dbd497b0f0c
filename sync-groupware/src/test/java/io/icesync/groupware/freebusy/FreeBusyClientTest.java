package io.icesync.groupware.freebusy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.icesync.core.AuthenticationException;
import io.icesync.core.FolderKind;
import io.icesync.core.UntrustedCertificateException;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestMailbox;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "anne@iwdemo.test:secret"})
class FreeBusyClientTest {
    private static final String ANNE = "anne@iwdemo.test";

    @Test
    void showsTheBusyPeriodsOfTheParticipantsCalendar(IceWarpServer server) {
        seedAnnesCalendar(server);

        try (FreeBusyClient client = client(server, server.https())) {
            FreeBusy fb = client.fetch(ANNE, at("2025-03-24T00:00:00Z"), at("2025-04-01T00:00:00Z"));

            assertThat(fb.periods()).extracting(BusyPeriod::start, BusyPeriod::end, BusyPeriod::type).containsExactly(
                    // Monday 9:00-10:00 in Paris (winter time), and a tentative 9:30-10:30 after it
                    tuple(at("2025-03-24T08:00:00Z"), at("2025-03-24T09:00:00Z"), BusyType.BUSY),
                    tuple(at("2025-03-24T09:00:00Z"), at("2025-03-24T09:30:00Z"), BusyType.BUSY_TENTATIVE),
                    // the all-day event fills Wednesday in Paris
                    tuple(at("2025-03-25T23:00:00Z"), at("2025-03-26T23:00:00Z"), BusyType.BUSY),
                    // the next Monday is in summer time: still 9:00 in Paris, one hour earlier in UTC
                    tuple(at("2025-03-31T07:00:00Z"), at("2025-03-31T08:00:00Z"), BusyType.BUSY));
            // the transparent and the cancelled events leave the time free
            assertThat(fb.isFree(at("2025-03-27T13:00:00Z"), at("2025-03-27T15:00:00Z"))).isTrue();
            assertThat(fb.isFree(at("2025-03-28T10:00:00Z"), at("2025-03-28T11:00:00Z"))).isTrue();
            assertThat(fb.at(at("2025-03-24T09:15:00Z"))).contains(BusyType.BUSY_TENTATIVE);
        }
    }

    @Test
    void periodsAreClippedToTheAskedWindow(IceWarpServer server) {
        seedAnnesCalendar(server);

        try (FreeBusyClient client = client(server, server.https())) {
            FreeBusy fb = client.fetch(ANNE, at("2025-03-24T08:30:00Z"), at("2025-03-26T00:00:00Z"));

            assertThat(fb.busy()).extracting(BusyPeriod::start, BusyPeriod::end).containsExactly(
                    tuple(at("2025-03-24T08:30:00Z"), at("2025-03-24T09:00:00Z")),
                    tuple(at("2025-03-24T09:00:00Z"), at("2025-03-24T09:30:00Z")),
                    tuple(at("2025-03-25T23:00:00Z"), at("2025-03-26T00:00:00Z")));
        }
    }

    @Test
    void readsBothPeriodFormsAndMergesOverlaps(IceWarpServer server) {
        server.freeBusy().raw(ANNE, "text/calendar", calendar("BEGIN:VFREEBUSY",
                "FREEBUSY;FBTYPE=BUSY:20250310T100000Z/PT1H,20250310T080000Z/20250310T090000Z",
                "FREEBUSY:20250310T083000Z/PT1H",
                "FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20250311T000000Z/P1D",
                "FREEBUSY;FBTYPE=X-SOMETHING:20250312T100000Z/PT30M",
                "FREEBUSY;FBTYPE=FREE:20250312T090000Z/PT3H",
                "END:VFREEBUSY"));

        try (FreeBusyClient client = client(server, server.http())) {
            FreeBusy fb = client.fetch(ANNE, at("2025-03-10T00:00:00Z"), at("2025-03-13T00:00:00Z"));

            assertThat(fb.periods()).extracting(BusyPeriod::start, BusyPeriod::end, BusyPeriod::type).containsExactly(
                    tuple(at("2025-03-10T08:00:00Z"), at("2025-03-10T09:30:00Z"), BusyType.BUSY),
                    tuple(at("2025-03-10T10:00:00Z"), at("2025-03-10T11:00:00Z"), BusyType.BUSY),
                    tuple(at("2025-03-11T00:00:00Z"), at("2025-03-12T00:00:00Z"), BusyType.BUSY_UNAVAILABLE),
                    tuple(at("2025-03-12T09:00:00Z"), at("2025-03-12T10:00:00Z"), BusyType.FREE),
                    tuple(at("2025-03-12T10:00:00Z"), at("2025-03-12T10:30:00Z"), BusyType.BUSY),
                    tuple(at("2025-03-12T10:30:00Z"), at("2025-03-12T12:00:00Z"), BusyType.FREE));
            assertThat(fb.busy()).hasSize(4);
        }
    }

    @Test
    void anUnknownAddressHasNoFreeBusy(IceWarpServer server) {
        try (FreeBusyClient client = client(server, server.https())) {
            assertThatThrownBy(() -> client.fetch("nobody@iwdemo.test", at("2025-03-01T00:00:00Z"), at("2025-03-02T00:00:00Z")))
                    .isInstanceOf(FreeBusyNotFoundException.class)
                    .hasMessageContaining("no free/busy for nobody@iwdemo.test")
                    .hasMessageContaining("404");
        }
    }

    @Test
    void anAnswerThatIsNotICalendarSaysWhatCame(IceWarpServer server) {
        server.freeBusy().raw(ANNE, "text/html; charset=utf-8", "<html><body>Please log in</body></html>");

        try (FreeBusyClient client = client(server, server.https())) {
            assertThatThrownBy(() -> client.fetch(ANNE, at("2025-03-01T00:00:00Z"), at("2025-03-02T00:00:00Z")))
                    .isInstanceOf(FreeBusyFormatException.class)
                    .hasMessageContaining("not iCalendar")
                    .hasMessageContaining("text/html")
                    .hasMessageContaining("<html><body>Please log in");
        }
    }

    @Test
    void aCalendarWithoutVFreeBusyIsAnError(IceWarpServer server) {
        server.freeBusy().raw(ANNE, "text/calendar", calendar("BEGIN:VEVENT", "UID:1", "DTSTAMP:20250101T000000Z",
                "DTSTART:20250310T100000Z", "DTEND:20250310T110000Z", "END:VEVENT"));

        try (FreeBusyClient client = client(server, server.https())) {
            assertThatThrownBy(() -> client.fetch(ANNE, at("2025-03-01T00:00:00Z"), at("2025-03-31T00:00:00Z")))
                    .isInstanceOf(FreeBusyFormatException.class)
                    .hasMessageContaining("without VFREEBUSY")
                    .hasMessageContaining("VEVENT");
        }
    }

    @Test
    void aServerErrorCarriesItsStatus(IceWarpServer server) {
        server.freeBusy().status(ANNE, 503);

        try (FreeBusyClient client = client(server, server.https())) {
            assertThatThrownBy(() -> client.fetch(ANNE, at("2025-03-01T00:00:00Z"), at("2025-03-02T00:00:00Z")))
                    .isInstanceOfSatisfying(FreeBusyHttpException.class, e -> assertThat(e.status()).isEqualTo(503))
                    .hasMessageContaining("HTTP 503");
        }
    }

    @Test
    void anUntrustedCertificateIsReportedWithItsChainAndCanThenBeAccepted(IceWarpServer server) {
        seedAnnesCalendar(server);
        CertificateTrust trust = CertificateTrust.inMemory();
        FreeBusyTemplate template = FreeBusyTemplate.parse(server.https() + "freebusy/?%NAME%@%SERVER%");

        try (FreeBusyClient client = FreeBusyClient.builder(template).trust(trust).build()) {
            assertThatThrownBy(() -> client.fetch(ANNE, at("2025-03-24T00:00:00Z"), at("2025-04-01T00:00:00Z")))
                    .isInstanceOfSatisfying(UntrustedCertificateException.class,
                            e -> assertThat(e.chain()).first().isEqualTo(server.certificate()));

            trust.accept(server.certificate());

            assertThat(client.fetch(ANNE, at("2025-03-24T00:00:00Z"), at("2025-04-01T00:00:00Z")).busy()).hasSize(4);
        }
    }

    @Test
    void credentialsGoOnlyOverHttps(IceWarpServer server) {
        seedAnnesCalendar(server);
        server.freeBusy().requireLogin(true);
        CertificateTrust trust = CertificateTrust.inMemory(server.certificate());

        try (FreeBusyClient https = FreeBusyClient.builder(template(server.https())).trust(trust)
                .credentials("jean@iwdemo.test", "secret".toCharArray()).build()) {
            assertThat(https.fetch(ANNE, at("2025-03-24T00:00:00Z"), at("2025-04-01T00:00:00Z")).busy()).hasSize(4);
        }
        try (FreeBusyClient http = FreeBusyClient.builder(template(server.http()))
                .credentials("jean@iwdemo.test", "secret".toCharArray()).build()) {
            assertThatThrownBy(() -> http.fetch(ANNE, at("2025-03-24T00:00:00Z"), at("2025-04-01T00:00:00Z")))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("only sent over HTTPS")
                    .hasMessageNotContaining("secret");
        }
        assertThat(server.freeBusy().requests()).filteredOn(r -> r.contains(" http ")).allMatch(r -> r.endsWith("auth=no"));
        try (FreeBusyClient wrong = FreeBusyClient.builder(template(server.https())).trust(trust)
                .credentials("jean@iwdemo.test", "wrong".toCharArray()).build()) {
            assertThatThrownBy(() -> wrong.fetch(ANNE, at("2025-03-24T00:00:00Z"), at("2025-04-01T00:00:00Z")))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("jean@iwdemo.test")
                    .hasMessageNotContaining("wrong");
        }
    }

    // ------------------------------------------------------------------ seeding

    /** Anne's calendar in Paris: a weekly meeting across the change to summer time, an all-day event, and some that leave her free. */
    private static void seedAnnesCalendar(IceWarpServer server) {
        server.freeBusy().window(at("2025-03-01T00:00:00Z"), at("2025-05-01T00:00:00Z")).zone(ZoneId.of("Europe/Paris"));
        TestMailbox calendar = server.account(ANNE).create("Calendrier").kind(FolderKind.EVENTS);
        calendar.append(eventMessage("weekly", "DTSTART;TZID=Europe/Paris:20250324T090000",
                "DTEND;TZID=Europe/Paris:20250324T100000", "RRULE:FREQ=WEEKLY;COUNT=3"));
        calendar.append(eventMessage("tentative", "DTSTART;TZID=Europe/Paris:20250324T093000",
                "DTEND;TZID=Europe/Paris:20250324T103000", "STATUS:TENTATIVE"));
        calendar.append(icsAttachmentMessage("allday", "DTSTART;VALUE=DATE:20250326", "DTEND;VALUE=DATE:20250327"));
        calendar.append(eventMessage("transparent", "DTSTART:20250327T130000Z", "DTEND:20250327T150000Z",
                "TRANSP:TRANSPARENT"));
        calendar.append(eventMessage("cancelled", "DTSTART:20250328T100000Z", "DTEND:20250328T110000Z",
                "STATUS:CANCELLED"));
    }

    private static byte[] eventMessage(String uid, String... props) {
        return ("From: anne@iwdemo.test\r\nSubject: " + uid + "\r\nMessage-ID: <" + uid + "@iwdemo.test>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/calendar; charset=utf-8; method=PUBLISH\r\n\r\n"
                + event(uid, props)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] icsAttachmentMessage(String uid, String... props) {
        return ("From: anne@iwdemo.test\r\nSubject: " + uid + "\r\nMessage-ID: <" + uid + "@iwdemo.test>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nA day off.\r\n"
                + "--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"event.ics\"\r\n\r\n"
                + event(uid, props) + "--b1--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String event(String uid, String... props) {
        String[] lines = new String[props.length + 4];
        lines[0] = "BEGIN:VEVENT";
        lines[1] = "UID:" + uid;
        lines[2] = "DTSTAMP:20250101T000000Z";
        System.arraycopy(props, 0, lines, 3, props.length);
        lines[lines.length - 1] = "END:VEVENT";
        return calendar(lines);
    }

    private static String calendar(String... lines) {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        for (String l : lines) {
            b.append(l).append("\r\n");
        }
        return b.append("END:VCALENDAR\r\n").toString();
    }

    private static FreeBusyClient client(IceWarpServer server, URI base) {
        return FreeBusyClient.builder(template(base)).trust(CertificateTrust.inMemory(server.certificate())).build();
    }

    private static FreeBusyTemplate template(URI base) {
        return FreeBusyTemplate.parse(base + "freebusy/?%NAME%@%SERVER%");
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
