package io.icesync.groupware;

import io.icesync.groupware.internal.ItemSource;
import io.icesync.groupware.internal.TextValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A VJOURNAL of a journal folder; RFC 5545 allows several DESCRIPTIONs, kept in order. Items are
 * equal when their values and the text they were read from are.
 */
public final class JournalEntry implements CalendarItem {
    private final String uid;
    private final String summary;
    private final List<String> descriptions;
    private final ItemTime start;
    private final String status;
    private final List<String> categories;
    private final Instant lastModified;
    private final int sequence;
    private final ItemSource source;

    JournalEntry(String uid, String summary, List<String> descriptions, ItemTime start, String status,
                 List<String> categories, Instant lastModified, int sequence, ItemSource source) {
        this.uid = uid;
        this.summary = summary;
        this.descriptions = List.copyOf(descriptions);
        this.start = start;
        this.status = status;
        this.categories = List.copyOf(categories);
        this.lastModified = lastModified;
        this.sequence = sequence;
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public String uid() {
        return uid;
    }

    public String summary() {
        return summary;
    }

    public List<String> descriptions() {
        return descriptions;
    }

    public ItemTime start() {
        return start;
    }

    public String status() {
        return status;
    }

    @Override
    public List<String> categories() {
        return categories;
    }

    @Override
    public Instant lastModified() {
        return lastModified;
    }

    public int sequence() {
        return sequence;
    }

    /** The VJOURNAL as read: {@code original().unwrap(VJournal.class)}, or the whole {@code Calendar}. */
    @Override
    public Original original() {
        return Items.original(source);
    }

    ItemSource source() {
        return source;
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

    private List<Object> values() {
        return Arrays.asList(uid, summary, descriptions, start, status, categories, lastModified, sequence, source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalEntry j && values().equals(j.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "JournalEntry[uid=" + uid + ", summary=" + summary + ", start=" + start + "]";
    }
}
