package io.icesync.groupware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditingTest {
    private final ICalendarCodec ical = ICalendarCodec.standard();
    private final VCardCodec vcard = new VCardCodec();

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        b.forEach(out::remove);
        return out;
    }

    @Test
    void changingTheSummaryChangesOnlyTheSummary() {
        String text = Corpus.read("icewarp-event.ics");
        Event event = (Event) ical.parse(text).items().get(0);
        Event edited = event.withSummary("Weekly planning, moved; see notes");
        String written = ical.write(edited);

        assertThat(minus(Corpus.unfoldedLines(text), Corpus.unfoldedLines(written))).containsExactly("SUMMARY:Weekly planning");
        assertThat(minus(Corpus.unfoldedLines(written), Corpus.unfoldedLines(text)))
                .containsExactly("SUMMARY:Weekly planning\\, moved\\; see notes");
        Event reread = (Event) ical.parse(written).items().get(0);
        assertThat(reread.summary()).isEqualTo("Weekly planning, moved; see notes");
        assertThat(reread).usingRecursiveComparison().ignoringFields("summary", "source").isEqualTo(event);
        assertThat(reread.sameContent(event)).isFalse();
    }

    @Test
    void categoriesAreAListOfNames() {
        Event event = (Event) ical.parse(Corpus.read("thunderbird-event.ics")).items().get(0);
        assertThat(event.categories()).containsExactly("Personal", "Health");
        Event edited = event.withCategories(List.of("Health", "Family, close"));
        assertThat(edited.categories()).containsExactly("Health", "Family, close");
        assertThat(edited.summary()).isEqualTo(event.summary());
        assertThat(ical.write(edited)).contains("CATEGORIES:Health,Family\\, close").doesNotContain("Personal");
    }

    @Test
    void completingATaskSetsStatusAndPercent() {
        Task task = (Task) ical.parse(Corpus.read("icewarp-task.ics")).items().get(0);
        assertThat(task.percent()).isEqualTo(40);
        Task done = task.withCompleted(java.time.Instant.parse("2024-10-20T10:00:00Z"));
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.completed()).isEqualTo(java.time.Instant.parse("2024-10-20T10:00:00Z"));
        assertThat(ical.write(done)).contains("X-ICEWARP-TASK-COMPLETE:0", "X-ICEWARP-FLAG:1");
    }

    @Test
    void editingAContactKeepsItsVersionAndUnknownLines() {
        String text = Corpus.read("outlook-21-qp.vcf");
        Contact c = vcard.parse(text).items().get(0);
        assertThat(c.version()).isEqualTo("2.1");
        assertThat(c.formattedName()).isEqualTo("Dr. Jürgen Müller");
        assertThat(c.name().family()).isEqualTo("Müller");
        assertThat(c.addresses().get(0).street()).isEqualTo("Hauptstraße 1");
        assertThat(c.notes().get(0)).startsWith("First line\r\nSecond line");
        assertThat(c.photo().mediaType()).isEqualTo("image/jpeg");
        assertThat(c.photo().data()).hasSize(206);
        assertThat(c.anniversary()).isEqualTo(java.time.LocalDate.of(2005, 6, 10));

        Contact edited = c.withTitle("Chef");
        String written = vcard.write(edited);
        assertThat(minus(Corpus.unfoldedLines(text), Corpus.unfoldedLines(written))).hasSize(1).allMatch(l -> l.startsWith("TITLE"));
        Contact reread = vcard.parse(written).items().get(0);
        assertThat(reread.version()).isEqualTo("2.1");
        assertThat(reread.title()).isEqualTo("Chef");
        assertThat(reread).usingRecursiveComparison().ignoringFields("title", "source").isEqualTo(c);
    }

    @Test
    void photosGoInAndOutAsBase64() {
        Contact c = vcard.parse(Corpus.read("google-30.vcf")).items().get(0);
        ContactPhoto photo = ContactPhoto.ofBase64("iVBORw0KGgo=", "image/png");
        Contact withPhoto = c.withPhoto(photo);
        Contact reread = vcard.parse(vcard.write(withPhoto)).items().get(0);
        assertThat(reread.photo().data()).isEqualTo(photo.data());
        assertThat(reread.photo().base64()).isEqualTo("iVBORw0KGgo=");
        assertThat(reread.photo().mediaType()).isEqualTo("image/png");
        assertThat(reread.emails()).isEqualTo(c.emails());
    }

    @Test
    void plainTextBecomesANote() {
        Note note = ical.noteFromPlainText("Shopping\n\nmilk, eggs; bread");
        assertThat(note.subject()).isEqualTo("Shopping");
        assertThat(note.body()).isEqualTo("milk, eggs; bread");
        Note reread = (Note) ICalendarCodec.forNotes().parse(ical.write(note)).items().get(0);
        assertThat(reread.plainText()).isEqualTo("Shopping\n\nmilk, eggs; bread");
        Note icewarp = (Note) ICalendarCodec.forNotes().parse(Corpus.read("icewarp-note.ics")).items().get(0);
        assertThat(icewarp.body()).isEqualTo("Front: 1234\nBack: 5678\n\nDo not share.");
    }
}
