package io.icesync.groupware;

import io.icesync.groupware.internal.ItemSource;
import io.icesync.groupware.internal.TextValues;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.model.component.VJournal;

/**
 * A note of a notes folder (folder type {@code N}, Kolab {@code note}). IceSync stores a note as a
 * VJOURNAL: {@code subject} is its SUMMARY, {@code body} its DESCRIPTION. Whether a VJOURNAL is a
 * note or a journal entry depends on the folder, so the codec is told: {@link ICalendarCodec#forNotes()}.
 * Plain text becomes a note through {@link ICalendarCodec#noteFromPlainText(String)}.
 */
public record Note(String uid, String subject, String body, List<String> categories, Instant lastModified,
                   ItemSource source) implements CalendarItem {

    public Note {
        categories = List.copyOf(categories);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public VJournal original() {
        return (VJournal) source.component();
    }

    /** The note as plain text: subject, a blank line, body. */
    public String plainText() {
        String s = subject == null ? "" : subject;
        return body == null || body.isEmpty() ? s : s + "\n\n" + body;
    }

    public Note withSubject(String value) {
        return edit("SUMMARY", value == null ? List.of() : List.of("SUMMARY:" + TextValues.escape(value)));
    }

    public Note withBody(String value) {
        return edit("DESCRIPTION", value == null ? List.of() : List.of("DESCRIPTION:" + TextValues.escape(value)));
    }

    public Note withCategories(List<String> values) {
        return edit("CATEGORIES", Categories.lines(values));
    }

    private Note edit(String name, List<String> lines) {
        return (Note) source.edit(name, lines);
    }
}
