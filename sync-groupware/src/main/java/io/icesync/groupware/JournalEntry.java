package io.icesync.groupware;

import io.icesync.groupware.internal.ItemSource;
import io.icesync.groupware.internal.TextValues;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.model.component.VJournal;

/** A VJOURNAL of a journal folder; RFC 5545 allows several DESCRIPTIONs, kept in order. */
public record JournalEntry(String uid, String summary, List<String> descriptions, ItemTime start, String status,
                           List<String> categories, Instant lastModified, int sequence, ItemSource source)
        implements CalendarItem {

    public JournalEntry {
        descriptions = List.copyOf(descriptions);
        categories = List.copyOf(categories);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public VJournal original() {
        return (VJournal) source.component();
    }

    public JournalEntry withSummary(String value) {
        return edit("SUMMARY", value == null ? List.of() : List.of("SUMMARY:" + TextValues.escape(value)));
    }

    public JournalEntry withDescriptions(List<String> values) {
        return edit("DESCRIPTION", values.stream().map(v -> "DESCRIPTION:" + TextValues.escape(v)).toList());
    }

    public JournalEntry withStart(ItemTime value) {
        return edit("DTSTART", value == null ? List.of() : List.of(value.toContentLine("DTSTART")));
    }

    public JournalEntry withCategories(List<String> values) {
        return edit("CATEGORIES", Categories.lines(values));
    }

    private JournalEntry edit(String name, List<String> lines) {
        return (JournalEntry) source.edit(name, lines);
    }
}
