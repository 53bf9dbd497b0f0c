package io.icesync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icesync.core.FolderKind;
import io.icesync.testkit.IceWarpServer;
import io.icesync.testkit.IceWarpTest;
import io.icesync.testkit.TestMailbox;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** icesync freebusy against the test server's /freebusy/, as a user runs it. */
@IceWarpTest(accounts = {"jean@iwdemo.test:secret", "anne@iwdemo.test:secret"})
class FreeBusyCliTest {
    private static final String ANNE = "anne@iwdemo.test";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();
    final StringWriter out = cli.out;
    final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private Path profile(IceWarpServer server) throws Exception {
        return cli.profile(server, tmp);
    }

    private static String template(IceWarpServer server) {
        return server.https() + "freebusy/?%NAME%@%SERVER%";
    }

    /** Midday UTC, so the days stay inside the asked week in any system zone. */
    private static void seedAnnesWeek(IceWarpServer server) {
        server.freeBusy().window(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-05-01T00:00:00Z"));
        TestMailbox calendar = server.account(ANNE).create("Calendar").kind(FolderKind.EVENTS);
        calendar.append(event("review", "DTSTART:20250325T120000Z", "DTEND:20250325T133000Z"));
        calendar.append(event("maybe", "DTSTART:20250326T110000Z", "DTEND:20250326T120000Z", "STATUS:TENTATIVE"));
        calendar.append(event("lunch", "DTSTART:20250327T120000Z", "DTEND:20250327T130000Z", "TRANSP:TRANSPARENT"));
        calendar.append(event("later", "DTSTART:20250415T120000Z", "DTEND:20250415T130000Z"));
    }

    private static byte[] event(String uid, String... props) {
        return ("From: anne@iwdemo.test\r\nSubject: " + uid + "\r\nMessage-ID: <" + uid + "@iwdemo.test>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/calendar; charset=utf-8; method=PUBLISH\r\n\r\n"
                + "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20250101T000000Z\r\n" + String.join("\r\n", props)
                + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String local(String utc) {
        return LOCAL.format(Instant.parse(utc).atZone(ZoneId.systemDefault()));
    }

    @Test
    void showsTheParticipantsBusyPeriodsInLocalTimeWithTheProfilesLogin(IceWarpServer server) throws Exception {
        Path dir = profile(server);
        seedAnnesWeek(server);
        server.freeBusy().requireLogin(true);

        int code = run("freebusy", ANNE, "--dir", dir.toString(), "--from", "2025-03-24", "--to", "2025-03-30",
                "--template", template(server));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(
                local("2025-03-25T12:00:00Z") + "  " + local("2025-03-25T13:30:00Z") + "  BUSY",
                local("2025-03-26T11:00:00Z") + "  " + local("2025-03-26T12:00:00Z") + "  BUSY-TENTATIVE");
        assertThat(server.freeBusy().requests()).isNotEmpty()
                .allMatch(r -> r.startsWith("GET https /freebusy/?anne%40iwdemo.test") || r.startsWith("GET https /freebusy/?anne@iwdemo.test"))
                .anyMatch(r -> r.endsWith("auth=yes"));
        assertThat(out.toString() + err.toString()).doesNotContain("secret");
    }

    @Test
    void theProfilesTemplateIsTheDefault(IceWarpServer server) throws Exception {
        Path dir = profile(server);
        seedAnnesWeek(server);
        io.icesync.client.IceSync.updateProfile(dir, p -> p.withServices(p.services().withFreeBusy(template(server))));

        int code = run("freebusy", ANNE, "--dir", dir.toString(), "--from", "2025-03-24", "--to", "2025-03-30");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("BUSY-TENTATIVE");
    }

    @Test
    void printsJsonWithLocalOffsets(IceWarpServer server) throws Exception {
        Path dir = profile(server);
        seedAnnesWeek(server);

        assertThat(run("freebusy", ANNE, "--dir", dir.toString(), "--from", "2025-03-24", "--to", "2025-03-30",
                "--template", template(server), "--json")).as(err.toString()).isZero();

        JsonNode fb = new ObjectMapper().readTree(out.toString());
        assertThat(fb.get("address").asText()).isEqualTo(ANNE);
        assertThat(OffsetDateTime.parse(fb.get("from").asText()).toLocalDate()).hasToString("2025-03-24");
        assertThat(OffsetDateTime.parse(fb.get("to").asText()).toLocalDate()).hasToString("2025-03-31");
        JsonNode busy = fb.get("busy");
        assertThat(busy).hasSize(2);
        assertThat(OffsetDateTime.parse(busy.get(0).get("start").asText()).toInstant()).isEqualTo("2025-03-25T12:00:00Z");
        assertThat(OffsetDateTime.parse(busy.get(0).get("end").asText()).toInstant()).isEqualTo("2025-03-25T13:30:00Z");
        assertThat(busy.get(1).get("type").asText()).isEqualTo("BUSY-TENTATIVE");
    }

    @Test
    void aParticipantWithNothingPlannedIsFree(IceWarpServer server) throws Exception {
        Path dir = profile(server);
        seedAnnesWeek(server);

        assertThat(run("freebusy", ANNE, "--dir", dir.toString(), "--from", "2025-04-01", "--to", "2025-04-07",
                "--template", template(server))).as(err.toString()).isZero();

        assertThat(out.toString()).startsWith(ANNE + " is free from 2025-04-01 00:00 to 2025-04-08 00:00");
    }

    @Test
    void serverErrorsExitWith3(IceWarpServer server) throws Exception {
        Path dir = profile(server);
        server.freeBusy().status(ANNE, 503);

        assertThat(run("freebusy", ANNE, "--dir", dir.toString(), "--template", template(server))).isEqualTo(ExitCodes.SERVER);
        assertThat(err.toString()).contains("HTTP 503");

        assertThat(run("freebusy", "nobody@iwdemo.test", "--dir", dir.toString(), "--template", template(server)))
                .isEqualTo(ExitCodes.SERVER);
        assertThat(err.toString()).contains("nobody@iwdemo.test", "404");
    }

    @Test
    void theDefaultTemplateIsTheImapHostOverHttps(IceWarpServer server) throws Exception {
        Path dir = profile(server);

        // Nothing listens on 127.0.0.1:443 here: the failure names the URL that was tried.
        assertThat(run("freebusy", ANNE, "--dir", dir.toString())).isEqualTo(ExitCodes.SERVER);

        assertThat(err.toString()).contains("https://127.0.0.1/freebusy/?anne");
    }

    @Test
    void usageErrorsExitWith2(IceWarpServer server) throws Exception {
        Path dir = profile(server);

        assertThat(run("freebusy", ANNE, "--dir", dir.toString(), "--from", "24/03/2025")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("freebusy", ANNE, "--dir", dir.toString(), "--from", "2025-03-24", "--to", "2025-03-20"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("before --from");
        assertThat(run("freebusy", ANNE, "--dir", dir.toString(), "--template", "https://mail.example.com/freebusy/"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("%NAME%");
    }

    @Test
    void aFolderThatIsNotAProfileExitsWith4() throws Exception {
        Path notAProfile = Files.createDirectories(tmp.resolve("empty"));

        assertThat(run("freebusy", ANNE, "--dir", notAProfile.toString())).isEqualTo(ExitCodes.PROFILE);
    }
}
