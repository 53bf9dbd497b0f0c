package io.icesync.groupware;

import io.icesync.groupware.internal.ItemSource;
import io.icesync.groupware.internal.TextValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A note of a notes folder (folder type {@code N}, Kolab {@code note}). IceSync stores a note as a
 * VJOURNAL: {@code subject} is its SUMMARY, {@code body} its DESCRIPTION. Whether a VJOURNAL is a
 * note or a journal entry depends on the folder, so the codec is told: {@link ICalendarCodec#forNotes()}.
 * Plain text becomes a note through {@link ICalendarCodec#noteFromPlainText(String)}.
 */
public final class Note implements CalendarItem {
    private final String uid;
    private final String subject;
    private final String body;
    private final List<String> categories;
    private final Instant lastModified;
    private final ItemSource source;

    Note(String uid, String subject, String body, List<String> categories, Instant lastModified, ItemSource source) {
        this.uid = uid;
        this.subject = subject;
        this.body = body;
        this.categories = List.copyOf(categories);
        this.lastModified = lastModified;
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public String uid() {
        return uid;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    @Override
    public List<String> categories() {
        return categories;
    }

    @Override
    public Instant lastModified() {
        return lastModified;
    }

    /** The VJOURNAL as read: {@code original().unwrap(VJournal.class)}, or the whole {@code Calendar}. */
    @Override
    public Original original() {
        return Items.original(source);
    }

    ItemSource source() {
        return source;
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

    private List<Object> values() {
        return Arrays.asList(uid, subject, body, categories, lastModified, source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Note n && values().equals(n.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "Note[uid=" + uid + ", subject=" + subject + "]";
    }
}
