package io.icesync.groupware;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PITFALL 10: wall-clock time and TZID survive DST and the round trip. */
class TimeZoneTest {
    private final ICalendarCodec codec = ICalendarCodec.standard();

    private static final String PARIS_WEEKLY = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN",
            "BEGIN:VEVENT", "UID:paris-weekly", "DTSTAMP:20241001T000000Z", "DTSTART;TZID=Europe/Paris:20241017T090000",
            "DTEND;TZID=Europe/Paris:20241017T100000", "RRULE:FREQ=WEEKLY;COUNT=4", "SUMMARY:Standup", "END:VEVENT",
            "END:VCALENDAR", "");

    @Test
    void ianaEventStaysAtNineLocalAcrossTheEndOfDst() {
        Event event = (Event) codec.parse(PARIS_WEEKLY).items().get(0);
        Event reread = (Event) codec.parse(codec.write(event)).items().get(0);
        for (Event e : List.of(event, reread)) {
            assertThat(e.start()).isEqualTo(ItemTime.zoned(LocalDateTime.of(2024, 10, 17, 9, 0), "Europe/Paris"));
            List<ZonedDateTime> occ = e.occurrences(Instant.parse("2024-10-01T00:00:00Z"), Instant.parse("2024-12-01T00:00:00Z"));
            assertThat(occ).hasSize(4).allMatch(z -> z.toLocalTime().equals(LocalTime.of(9, 0)));
            assertThat(occ.get(0).getOffset().getTotalSeconds()).isEqualTo(7200);
            assertThat(occ.get(3).getOffset().getTotalSeconds()).isEqualTo(3600);
        }
        assertThat(codec.write(reread)).contains("DTSTART;TZID=Europe/Paris:20241017T090000").doesNotContain("T080000Z");
    }

    @Test
    void customVtimezoneIsKeptVerbatimAndTimesStayLocal() {
        String text = Corpus.read("custom-tz-recurring.ics");
        Event event = (Event) codec.parse(text).items().get(0);
        assertThat(event.start().tzid()).isEqualTo("IceWarp Custom/Office Time");
        List<ZonedDateTime> occ = event.occurrences(Instant.parse("2024-10-01T00:00:00Z"), Instant.parse("2024-12-31T00:00:00Z"));
        // the custom zone leaves daylight time on the first Sunday of November: 2024-11-03
        assertThat(occ).hasSize(3).allMatch(z -> z.toLocalTime().equals(LocalTime.of(9, 0)));
        assertThat(occ.get(0).getOffset().getTotalSeconds()).isEqualTo(-(3 * 3600 + 1800));
        assertThat(occ.get(2).getOffset().getTotalSeconds()).isEqualTo(-(4 * 3600 + 1800));
        String written = codec.write(event.withSummary("Renamed"));
        String zone = text.substring(text.indexOf("BEGIN:VTIMEZONE"), text.indexOf("END:VTIMEZONE"));
        assertThat(written).contains(zone).contains("DTSTART;TZID=\"IceWarp Custom/Office Time\":20241024T090000");
    }

    @Test
    void movingAnEventKeepsItsZone() {
        Event event = (Event) codec.parse(PARIS_WEEKLY).items().get(0);
        Event moved = event.withStart(ItemTime.zoned(LocalDateTime.of(2024, 10, 18, 9, 30), "Europe/Paris"));
        assertThat(codec.write(moved)).contains("DTSTART;TZID=Europe/Paris:20241018T093000");
        assertThat(moved.end()).isEqualTo(event.end());
    }

    @Test
    void allDayAndRecurrenceExceptionsAreModelled() {
        Event apple = (Event) codec.parse(Corpus.read("apple-recurring-exceptions.ics")).items().get(0);
        assertThat(apple.exdates()).containsExactly(ItemTime.zoned(LocalDateTime.of(2024, 10, 31, 9, 0), "Europe/Paris"));
        assertThat(apple.rdates()).containsExactly(ItemTime.zoned(LocalDateTime.of(2024, 12, 10, 9, 0), "Europe/Paris"));
        assertThat(apple.exceptions()).hasSize(1);
        assertThat(apple.exceptions().get(0).summary()).isEqualTo("Team standup (moved)");
        assertThat(apple.exceptions().get(0).recurrenceId().local()).isEqualTo(LocalDateTime.of(2024, 11, 7, 9, 0));
        Event christmas = (Event) codec.parse(Corpus.read("outlook-allday.ics")).items().get(0);
        assertThat(christmas.isAllDay()).isTrue();
        assertThat(christmas.start().date()).isEqualTo(java.time.LocalDate.of(2024, 12, 25));
    }
}
