package io.icesync.groupware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PITFALL 11: a server re-serialising an object is not a change. */
class ChangeDetectionTest {
    private final ICalendarCodec codec = ICalendarCodec.standard();

    private static final String ZONE_A = "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\n"
            + "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
    private static final String ZONE_B = "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nBEGIN:STANDARD\r\nDTSTART:19701025T020000\r\n"
            + "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

    private static final String ORIGINAL = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Client//EN\r\n" + ZONE_A + ZONE_B
            + "BEGIN:VEVENT\r\nUID:same-1\r\nDTSTAMP:20241001T000000Z\r\nDTSTART;TZID=Europe/Paris:20241017T090000\r\n"
            + "DTEND;TZID=Europe/London:20241017T090000\r\nSUMMARY:A rather long summary that a server may fold at a different column\r\n"
            + "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=\"Doe, John\":mailto:j@example.com\r\nX-ICEWARP-COLOR:#FF0000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private static final String RESERIALISED = "BEGIN:VCALENDAR\r\nPRODID:-//IceWarp Server//EN\r\nVERSION:2.0\r\n" + ZONE_B + ZONE_A
            + "BEGIN:VEVENT\r\nX-ICEWARP-COLOR:#FF0000\r\nSUMMARY:A rather long summary that a\r\n  server may fold at a different column\r\n"
            + "DTSTART;TZID=Europe/Paris:20241017T090000\r\nUID:same-1\r\nattendee;CN=\"Doe, John\";role=REQ-PARTICIPANT:mailto:j@example.com\r\n"
            + "DTEND;TZID=Europe/London:20241017T090000\r\nDTSTAMP:20241120T101010Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    @Test
    void reorderedRefoldedRestampedIsUnchanged() {
        CalendarItem a = codec.parse(ORIGINAL).items().get(0);
        CalendarItem b = codec.parse(RESERIALISED).items().get(0);
        assertThat(b.sameContent(a)).isTrue();
        assertThat(b.contentKey()).isEqualTo(a.contentKey());
    }

    @Test
    void aChangedSummaryIsAChange() {
        CalendarItem a = codec.parse(ORIGINAL).items().get(0);
        CalendarItem b = codec.parse(RESERIALISED.replace("different column", "different column!")).items().get(0);
        assertThat(b.sameContent(a)).isFalse();
    }

    @Test
    void aContactReencodedIsUnchanged() {
        VCardCodec vcard = new VCardCodec();
        Contact a = vcard.parse("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nEMAIL;TYPE=WORK,INTERNET:a@example.com\r\nEND:VCARD\r\n").items().get(0);
        Contact b = vcard.parse("BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:x\r\nEMAIL;type=internet;type=work:a@example.com\r\nFN:Anna\r\nEND:VCARD\r\n").items().get(0);
        assertThat(b.sameContent(a)).isTrue();
        assertThat(a.withFormattedName("Anna B").sameContent(a)).isFalse();
    }
}
