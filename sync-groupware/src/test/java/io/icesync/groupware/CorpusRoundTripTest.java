package io.icesync.groupware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusRoundTripTest {
    private final ICalendarCodec ical = ICalendarCodec.standard();
    private final VCardCodec vcard = new VCardCodec();

    static Stream<Path> calendars() {
        return Corpus.files(".ics").stream();
    }

    static Stream<Path> cards() {
        return Corpus.files(".vcf").stream();
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void calendarObjectsComeBackTheSame(Path file) {
        String text = Corpus.read(file);
        ParseResult<CalendarItem> first = ical.parse(text);
        assertThat(first.items()).isNotEmpty();
        String written = ical.writeAll(first.items());
        ParseResult<CalendarItem> second = ical.parse(written);

        assertThat(second.items()).hasSameSizeAs(first.items());
        for (int i = 0; i < first.items().size(); i++) {
            CalendarItem a = first.items().get(i);
            CalendarItem b = second.items().get(i);
            assertThat(b).usingRecursiveComparison().ignoringFieldsOfTypes(io.icesync.groupware.internal.ItemSource.class)
                    .isEqualTo(a);
            assertThat(b.sameContent(a)).isTrue();
        }
        // every line of the input, unknown X- properties included, is written back identical
        assertThat(Corpus.unfoldedLines(written)).containsAll(Corpus.unfoldedLines(text));
        if (first.items().size() == 1) {
            assertThat(written).isEqualTo(text);
        }
    }

    @ParameterizedTest
    @MethodSource("cards")
    void cardsComeBackTheSameInTheirVersion(Path file) {
        String text = Corpus.read(file);
        ParseResult<Contact> first = vcard.parse(text);
        assertThat(first.items()).isNotEmpty();
        String written = vcard.writeAll(first.items());
        ParseResult<Contact> second = vcard.parse(written);

        assertThat(second.items()).hasSameSizeAs(first.items());
        for (int i = 0; i < first.items().size(); i++) {
            Contact a = first.items().get(i);
            Contact b = second.items().get(i);
            assertThat(b).usingRecursiveComparison().ignoringFields("source").isEqualTo(a);
            assertThat(b.version()).isEqualTo(a.version());
            assertThat(b.sameContent(a)).isTrue();
        }
        List<String> unknown = Corpus.unfoldedLines(text).stream().filter(l -> l.matches("(?i)^([a-z0-9-]+\\.)?X-.*")).toList();
        assertThat(unknown).isNotEmpty();
        assertThat(Corpus.unfoldedLines(written)).containsAll(unknown);
        assertThat(Corpus.unfoldedLines(written)).containsExactlyElementsOf(Corpus.unfoldedLines(text));
    }
}
