package io.icesync.groupware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ezvcard.VCard;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VJournal;
import net.fortuna.ical4j.model.component.VToDo;
import org.junit.jupiter.api.Test;

/** Items made from values: the codecs write them as valid text that reads back to an equal item. */
class BuilderTest {
    private static final Instant MODIFIED = Instant.parse("2024-10-01T12:00:00Z");
    private final ICalendarCodec ical = ICalendarCodec.standard();
    private final VCardCodec vcard = new VCardCodec();

    @Test
    void anEventWithTimeZoneRecurrenceAndAttendeesRoundTrips() {
        Event event = Event.builder()
                .uid("evt-1@icesync.test")
                .summary("Planning; budget, Q4")
                .description("Line one\nLine two with a very long tail that has to be folded at seventy-five octets: café")
                .location("Room 2")
                .start(ItemTime.zoned(LocalDateTime.parse("2024-10-17T09:00"), "Europe/Paris"))
                .end(ItemTime.zoned(LocalDateTime.parse("2024-10-17T10:00"), "Europe/Paris"))
                .rrule("FREQ=WEEKLY;COUNT=4;BYDAY=TH")
                .exdates(List.of(ItemTime.zoned(LocalDateTime.parse("2024-10-24T09:00"), "Europe/Paris")))
                .organizer(new Person("boss@icesync.test", "The Boss"))
                .attendees(List.of(new Attendee("ann@icesync.test", "Ann, Smith", "REQ-PARTICIPANT", "NEEDS-ACTION", true),
                        new Attendee("bob@icesync.test", null, null, null, false)))
                .alarms(List.of(new Alarm("DISPLAY", "-PT15M", "Planning")))
                .status("CONFIRMED")
                .priority(5)
                .sequence(2)
                .categories(List.of("Work", "Budget, 2024"))
                .lastModified(MODIFIED)
                .build();

        assertThat(event.uid()).isEqualTo("evt-1@icesync.test");
        assertThat(event.summary()).isEqualTo("Planning; budget, Q4");
        assertThat(event.description()).startsWith("Line one\nLine two").endsWith("café");
        assertThat(event.location()).isEqualTo("Room 2");
        assertThat(event.start()).isEqualTo(ItemTime.zoned(LocalDateTime.parse("2024-10-17T09:00"), "Europe/Paris"));
        assertThat(event.end()).isEqualTo(ItemTime.zoned(LocalDateTime.parse("2024-10-17T10:00"), "Europe/Paris"));
        assertThat(event.rrule()).isEqualTo("FREQ=WEEKLY;COUNT=4;BYDAY=TH");
        assertThat(event.exdates()).containsExactly(ItemTime.zoned(LocalDateTime.parse("2024-10-24T09:00"), "Europe/Paris"));
        assertThat(event.organizer()).isEqualTo(new Person("boss@icesync.test", "The Boss"));
        assertThat(event.attendees()).containsExactly(
                new Attendee("ann@icesync.test", "Ann, Smith", "REQ-PARTICIPANT", "NEEDS-ACTION", true),
                new Attendee("bob@icesync.test", null, null, null, false));
        assertThat(event.alarms()).containsExactly(new Alarm("DISPLAY", "-PT15M", "Planning"));
        assertThat(event.status()).isEqualTo("CONFIRMED");
        assertThat(event.priority()).isEqualTo(5);
        assertThat(event.sequence()).isEqualTo(2);
        assertThat(event.categories()).containsExactly("Work", "Budget, 2024");
        assertThat(event.lastModified()).isEqualTo(MODIFIED);
        // 09:00 in Paris across the DST change of 27 October, the 24th excluded
        assertThat(event.occurrences(Instant.parse("2024-10-01T00:00:00Z"), Instant.parse("2024-12-01T00:00:00Z")))
                .extracting(z -> z.toLocalDateTime().toString())
                .containsExactly("2024-10-17T09:00", "2024-10-31T09:00", "2024-11-07T09:00");

        String text = ical.write(event);
        assertThat(text).contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris", "DTSTAMP:", "\r\n ")
                .doesNotContain("\n\n");
        assertThat(text.lines()).allMatch(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
        assertValid(event);
        assertThat(ical.parse(text).warnings()).isEmpty();
        assertThat(ical.parse(text).items()).containsExactly(event);
    }

    @Test
    void anAllDayEventWithAnOverrideRoundTrips() {
        Event override = Event.builder().uid("evt-2").recurrenceId(ItemTime.allDay(LocalDate.parse("2024-12-26")))
                .start(ItemTime.allDay(LocalDate.parse("2024-12-27"))).end(ItemTime.allDay(LocalDate.parse("2024-12-28")))
                .summary("Holiday, moved").build();
        Event event = Event.builder().uid("evt-2").summary("Holiday")
                .start(ItemTime.allDay(LocalDate.parse("2024-12-25"))).end(ItemTime.allDay(LocalDate.parse("2024-12-26")))
                .rrule("FREQ=DAILY;COUNT=3").exceptions(List.of(override)).build();

        assertThat(event.isAllDay()).isTrue();
        assertThat(event.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.recurrenceId()).isEqualTo(ItemTime.allDay(LocalDate.parse("2024-12-26")));
            assertThat(e.summary()).isEqualTo("Holiday, moved");
            assertThat(e.start()).isEqualTo(ItemTime.allDay(LocalDate.parse("2024-12-27")));
        });
        assertValid(event);
        assertThat(ical.parse(ical.write(event)).items()).containsExactly(event);
    }

    @Test
    void toBuilderChangesOneValue() {
        Event event = (Event) ical.parse(Corpus.read("google-event.ics")).items().get(0);
        Event moved = event.toBuilder().location("Elsewhere").build();

        assertThat(moved.location()).isEqualTo("Elsewhere");
        assertThat(moved).usingRecursiveComparison().ignoringFields("location", "lastModified", "source").isEqualTo(event);
        assertThat(ical.parse(ical.write(moved)).items()).containsExactly(moved);
    }

    @Test
    void aUtcEventWithADurationRoundTrips() {
        Event event = Event.builder().uid("evt-3").start(ItemTime.utc(Instant.parse("2024-10-17T07:00:00Z")))
                .duration("PT1H30M").build();
        assertThat(event.start().utc()).isEqualTo(Instant.parse("2024-10-17T07:00:00Z"));
        assertThat(event.duration()).isEqualTo("PT1H30M");
        assertThat(ical.write(event)).doesNotContain("VTIMEZONE");
        assertValid(event);
        assertThat(ical.parse(ical.write(event)).items()).containsExactly(event);
    }

    @Test
    void aTaskRoundTrips() {
        Task task = Task.builder().uid("task-1").summary("File taxes").description("Before the 31st")
                .start(ItemTime.allDay(LocalDate.parse("2024-10-01"))).due(ItemTime.allDay(LocalDate.parse("2024-10-31")))
                .completed(Instant.parse("2024-10-20T10:00:00Z")).percent(100).status("COMPLETED").priority(1)
                .categories(List.of("Home")).sequence(1).lastModified(MODIFIED).build();

        assertThat(task.uid()).isEqualTo("task-1");
        assertThat(task.summary()).isEqualTo("File taxes");
        assertThat(task.description()).isEqualTo("Before the 31st");
        assertThat(task.start()).isEqualTo(ItemTime.allDay(LocalDate.parse("2024-10-01")));
        assertThat(task.due()).isEqualTo(ItemTime.allDay(LocalDate.parse("2024-10-31")));
        assertThat(task.completed()).isEqualTo(Instant.parse("2024-10-20T10:00:00Z"));
        assertThat(task.percent()).isEqualTo(100);
        assertThat(task.status()).isEqualTo("COMPLETED");
        assertThat(task.priority()).isEqualTo(1);
        assertThat(task.categories()).containsExactly("Home");
        assertThat(task.sequence()).isEqualTo(1);
        assertThat(task.lastModified()).isEqualTo(MODIFIED);
        assertThat(task.original().unwrap(VToDo.class)).isPresent();
        assertValid(task);
        assertThat(ical.parse(ical.write(task)).items()).containsExactly(task);
        assertThat(task.toBuilder().percent(50).status("IN-PROCESS").completed(null).build())
                .satisfies(t -> assertThat(t.percent()).isEqualTo(50))
                .satisfies(t -> assertThat(t.completed()).isNull())
                .satisfies(t -> assertThat(t.due()).isEqualTo(task.due()));
    }

    @Test
    void aNoteRoundTripsThroughTheNotesCodec() {
        ICalendarCodec notes = ICalendarCodec.forNotes();
        Note note = Note.builder().uid("note-1").subject("Shopping").body("Milk\nBread; eggs").categories(List.of("Home"))
                .build();

        assertThat(note.subject()).isEqualTo("Shopping");
        assertThat(note.body()).isEqualTo("Milk\nBread; eggs");
        assertThat(note.plainText()).isEqualTo("Shopping\n\nMilk\nBread; eggs");
        assertThat(note.lastModified()).isNotNull();
        assertThat(note.original().unwrap(VJournal.class)).isPresent();
        assertValid(note);
        assertThat(notes.parse(notes.write(note)).items()).containsExactly(note);
        assertThat(note.toBuilder().subject("Groceries").build().body()).isEqualTo(note.body());
    }

    @Test
    void aJournalEntryRoundTrips() {
        JournalEntry entry = JournalEntry.builder().uid("journal-1").summary("Day one")
                .descriptions(List.of("Morning: rain", "Evening: sun")).start(ItemTime.allDay(LocalDate.parse("2024-10-17")))
                .status("FINAL").categories(List.of("Diary")).sequence(3).lastModified(MODIFIED).build();

        assertThat(entry.summary()).isEqualTo("Day one");
        assertThat(entry.descriptions()).containsExactly("Morning: rain", "Evening: sun");
        assertThat(entry.start()).isEqualTo(ItemTime.allDay(LocalDate.parse("2024-10-17")));
        assertThat(entry.status()).isEqualTo("FINAL");
        assertThat(entry.categories()).containsExactly("Diary");
        assertThat(entry.sequence()).isEqualTo(3);
        assertValid(entry);
        assertThat(ical.parse(ical.write(entry)).items()).containsExactly(entry);
        assertThat(entry.toBuilder().summary("Day 1").build().descriptions()).isEqualTo(entry.descriptions());
    }

    @Test
    void aContactRoundTripsInEachVersion() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        for (String version : List.of("3.0", "4.0")) {
            Contact contact = Contact.builder().version(version).uid("ct-1@icesync.test").formattedName("Jean Dupont")
                    .name(new ContactName("Dupont", "Jean", List.of("Marie"), List.of("Dr."), List.of()))
                    .nicknames(List.of("JD"))
                    .emails(List.of(new ContactEmail("jean@icesync.test", List.of("work")),
                            new ContactEmail("jd@home.test", List.of())))
                    .phones(List.of(new ContactPhone("+33 1 23 45 67 89", List.of("cell"))))
                    .addresses(List.of(new ContactAddress(null, "Bât. B", "1 rue de la Paix", "Paris", null, "75002",
                            "France", List.of("work"))))
                    .organization(List.of("IceSync", "Sync team")).title("Engineer").urls(List.of("https://icesync.test/jd"))
                    .birthday(LocalDate.parse("1980-05-17")).anniversary(LocalDate.parse("2010-06-12"))
                    .photo(new ContactPhoto(jpeg, "image/jpeg", null)).notes(List.of("Met at the fair; likes tea"))
                    .categories(List.of("Clients", "VIP"))
                    .build();

            assertThat(contact.version()).as(version).isEqualTo(version);
            assertThat(contact.uid()).isEqualTo("ct-1@icesync.test");
            assertThat(contact.formattedName()).isEqualTo("Jean Dupont");
            assertThat(contact.name()).isEqualTo(new ContactName("Dupont", "Jean", List.of("Marie"), List.of("Dr."), List.of()));
            assertThat(contact.nicknames()).containsExactly("JD");
            assertThat(contact.emails()).containsExactly(new ContactEmail("jean@icesync.test", List.of("work")),
                    new ContactEmail("jd@home.test", List.of()));
            assertThat(contact.phones()).containsExactly(new ContactPhone("+33 1 23 45 67 89", List.of("cell")));
            assertThat(contact.addresses()).containsExactly(new ContactAddress(null, "Bât. B", "1 rue de la Paix", "Paris",
                    null, "75002", "France", List.of("work")));
            assertThat(contact.organization()).containsExactly("IceSync", "Sync team");
            assertThat(contact.title()).isEqualTo("Engineer");
            assertThat(contact.urls()).containsExactly("https://icesync.test/jd");
            assertThat(contact.birthday()).isEqualTo(LocalDate.parse("1980-05-17"));
            assertThat(contact.anniversary()).as(version).isEqualTo(LocalDate.parse("2010-06-12"));
            assertThat(contact.photo()).isEqualTo(new ContactPhoto(jpeg, "image/jpeg", null));
            assertThat(contact.notes()).containsExactly("Met at the fair; likes tea");
            assertThat(contact.categories()).containsExactly("Clients", "VIP");
            assertThat(contact.revision()).isNotNull();

            String text = vcard.write(contact);
            ParseResult<Contact> back = vcard.parse(text);
            assertThat(back.warnings()).as(version + ":\n" + text).isEmpty();
            assertThat(back.items()).containsExactly(contact);
            assertThat(contact.original().unwrap(VCard.class)).get().extracting(v -> v.getVersion().getVersion())
                    .isEqualTo(version);
            assertThat(contact.toBuilder().title("Lead").build())
                    .satisfies(c -> assertThat(c.title()).isEqualTo("Lead"))
                    .satisfies(c -> assertThat(c.version()).isEqualTo(version))
                    .satisfies(c -> assertThat(c.emails()).isEqualTo(contact.emails()));
        }
    }

    @Test
    void aVersion21ContactIsRebuiltAs30() {
        Contact old = vcard.parse(Corpus.read("outlook-21-qp.vcf")).items().get(0);
        Contact rebuilt = old.toBuilder().uid("ct-21").title("Chef").build();
        assertThat(rebuilt.version()).isEqualTo("3.0");
        assertThat(rebuilt.title()).isEqualTo("Chef");
        assertThat(rebuilt).usingRecursiveComparison()
                .ignoringFields("version", "title", "uid", "revision", "notes", "source").isEqualTo(old);
        // a line break in a 3.0 value is written \n, so the 2.1 note's CRLF comes back as LF
        assertThat(rebuilt.notes()).containsExactly(old.notes().get(0).replace("\r\n", "\n"));
    }

    @Test
    void aMissingOrBadValueNamesTheField() {
        ItemTime nine = ItemTime.floating(LocalDateTime.parse("2024-10-17T09:00"));
        assertThatThrownBy(() -> Event.builder().start(nine).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("event uid is required");
        assertThatThrownBy(() -> Event.builder().uid(" ").start(nine).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("event uid is required");
        assertThatThrownBy(() -> Event.builder().uid("e").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("event start is required");
        assertThatThrownBy(() -> Event.builder().uid("e").start(nine).end(nine).duration("PT1H").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end and duration");
        assertThatThrownBy(() -> Event.builder().uid("e").start(ItemTime.zoned(nine.local(), "Mars/Olympus")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start").hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> Event.builder().uid("e").start(nine).status("CONFIRMED\r\nATTACH:x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event status");
        assertThatThrownBy(() -> Event.builder().uid("e").start(nine).priority(10).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event priority");
        assertThatThrownBy(() -> Event.builder().uid("e").start(nine)
                .attendees(List.of(new Attendee(null, "Ann", null, null, false))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("event attendee email is required");
        assertThatThrownBy(() -> Event.builder().uid("e").start(nine).rrule("FREQ=SOMETIMES").build())
                .isInstanceOf(GroupwareFormatException.class);
        assertThatThrownBy(() -> Task.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("task uid is required");
        assertThatThrownBy(() -> Task.builder().uid("t").percent(101).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task percent");
        assertThatThrownBy(() -> Note.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("note uid is required");
        assertThatThrownBy(() -> JournalEntry.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("journal entry uid is required");
        assertThatThrownBy(() -> Contact.builder().formattedName("A").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("contact uid is required");
        assertThatThrownBy(() -> Contact.builder().uid("c").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("contact formattedName is required");
        assertThatThrownBy(() -> Contact.builder().uid("c").formattedName("A").version("2.1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("contact version must be 3.0 or 4.0: 2.1");
    }

    /** ical4j's own validation of the whole VCALENDAR (required properties, VTIMEZONEs, value types). */
    private static void assertValid(CalendarItem item) {
        Calendar calendar = item.original().unwrap(Calendar.class).orElseThrow();
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
    }
}
