package io.icesync.groupware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MalformedInputTest {
    private final ICalendarCodec codec = ICalendarCodec.standard();

    private static String cal(String body) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" + body + "END:VCALENDAR\r\n";
    }

    private static String event(String uid, String extra) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20241001T000000Z\r\nDTSTART:20241017T090000Z\r\n" + extra + "END:VEVENT\r\n";
    }

    @Test
    void anUnreadableEventNamesWhatAndWhere() {
        assertThatThrownBy(() -> codec.parse(cal(event("bad", "DTEND:20241345T000000Z\r\n"))))
                .isInstanceOf(GroupwareFormatException.class)
                .satisfies(e -> {
                    GroupwareFormatException g = (GroupwareFormatException) e;
                    assertThat(g.what()).isEqualTo("VEVENT");
                    assertThat(g.line()).isEqualTo(4);
                    assertThat(g.getMessage()).contains("line 4").contains("bad");
                })
                .isInstanceOf(io.icesync.core.IceSyncException.class);
    }

    @Test
    void aMalformedTimeWithATimeZoneNamesItsPropertyAndLine() {
        // ical4j reads these and fails only when asked for the date: found by CodecsFuzzTest.
        for (String bad : new String[] {"20242214T120000", "20241000T090000", "202", "20241107T110=00", "2024110T0090700"}) {
            assertThatThrownBy(() -> codec.parse(cal(event("x", "DTEND;TZID=Europe/Paris:" + bad + "\r\n"))))
                    .isInstanceOfSatisfying(GroupwareFormatException.class, e -> {
                        assertThat(e.what()).isEqualTo("VEVENT");
                        assertThat(e.line()).isEqualTo(8);
                        assertThat(e.problem()).contains("DTEND '" + bad + "'").contains("date-time");
                    });
        }
    }

    @Test
    void brokenNestingIsAnErrorWithItsLine() {
        assertThatThrownBy(() -> codec.parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VCALENDAR\r\n"))
                .isInstanceOf(GroupwareFormatException.class).hasMessageContaining("line 5");
        assertThatThrownBy(() -> new VCardCodec().parse("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:x\r\n"))
                .isInstanceOf(GroupwareFormatException.class).hasMessageContaining("VCARD").hasMessageContaining("line 1");
    }

    @Test
    void oneBadEventAmongSeveralIsSkippedWithAWarning() {
        String text = cal(event("good-1", "SUMMARY:One\r\n") + event("bad", "PRIORITY:high\r\n")
                + event("good-2", "SUMMARY:Two\r\n") + event("garbage", "THIS IS NOT A PROPERTY\r\n"));
        ParseResult<CalendarItem> r = codec.parse(text);
        assertThat(r.items()).extracting(CalendarItem::uid).containsExactly("good-1", "good-2");
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.line()).isEqualTo(10));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.line()).isEqualTo(26));
    }

    @Test
    void anUnknownTzidIsAWarningNotAnError() {
        ParseResult<CalendarItem> r = codec.parse(cal("BEGIN:VEVENT\r\nUID:u\r\nDTSTAMP:20241001T000000Z\r\n"
                + "DTSTART;TZID=Nowhere Standard Time:20241017T090000\r\nEND:VEVENT\r\n"));
        assertThat(((Event) r.items().get(0)).start().tzid()).isEqualTo("Nowhere Standard Time");
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("Nowhere Standard Time"));
    }
}
