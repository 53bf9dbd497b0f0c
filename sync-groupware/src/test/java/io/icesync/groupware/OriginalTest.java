package io.icesync.groupware;

import static org.assertj.core.api.Assertions.assertThat;

import ezvcard.VCard;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** An item read from text keeps it: the text as read, and the parser's object behind {@link Original#unwrap}. */
class OriginalTest {

    @Test
    void anEventKeepsItsTextAndIcal4jObjects() {
        String text = Corpus.read("icewarp-event.ics");
        Event event = (Event) ICalendarCodec.standard().parse(text).items().get(0);

        assertThat(event.original().text()).isEqualTo(text);
        assertThat(event.original().unwrap(VEvent.class)).get()
                .satisfies(v -> assertThat(v.getUid().orElseThrow().getValue()).isEqualTo("icewarp-evt-20241017-0001"));
        assertThat(event.original().unwrap(Component.class)).containsSame(event.original().unwrap(VEvent.class).get());
        assertThat(event.original().unwrap(Calendar.class)).get()
                .satisfies(c -> assertThat(c.getComponents("VTIMEZONE")).hasSize(1));
        assertThat(event.original().unwrap(String.class)).isEmpty();
        assertThat(event.original().unwrap(VCard.class)).isEmpty();
    }

    @Test
    void anEditedItemGivesTheTextTheCodecWrites() {
        ICalendarCodec ical = ICalendarCodec.standard();
        Event edited = ((Event) ical.parse(Corpus.read("icewarp-event.ics")).items().get(0)).withSummary("Moved");
        assertThat(edited.original().text()).isEqualTo(ical.write(edited));
        assertThat(edited.original().unwrap(VEvent.class).orElseThrow().getSummary().getValue())
                .isEqualTo("Moved");
    }

    @Test
    void aContactKeepsItsTextAndVCard() {
        String text = Corpus.read("icewarp-30.vcf");
        Contact contact = new VCardCodec().parse(text).items().get(0);

        assertThat(contact.original().text()).isEqualTo(text);
        assertThat(contact.original().unwrap(VCard.class)).get()
                .satisfies(v -> assertThat(v.getVersion().getVersion()).isEqualTo("3.0"));
        assertThat(contact.original().unwrap(String.class)).isEmpty();
        assertThat(contact.original().unwrap(VEvent.class)).isEmpty();
    }
}
