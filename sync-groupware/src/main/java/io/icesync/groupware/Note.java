package io.icesync.groupware;

import io.icesync.groupware.internal.ItemSource;
import io.icesync.groupware.internal.NewCalendar;
import io.icesync.groupware.internal.TextValues;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A note of a notes folder (folder type {@code N}, Kolab {@code note}). IceSync stores a note as a
 * VJOURNAL: {@code subject} is its SUMMARY, {@code body} its DESCRIPTION. Whether a VJOURNAL is a
 * note or a journal entry depends on the folder, so the codec is told: {@link ICalendarCodec#forNotes()}.
 * Plain text becomes a note through {@link ICalendarCodec#noteFromPlainText(String)}, values
 * through {@link #builder()}.
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

    /** {@return a builder for a new note; a UID is required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this note's values; only the modelled values are carried} */
    public Builder toBuilder() {
        return new Builder().uid(uid).subject(subject).body(body).categories(categories);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** {@return the note's subject (SUMMARY), or null} */
    public String subject() {
        return subject;
    }

    /** {@return the note's body (DESCRIPTION), or null} */
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

    /** {@return the note as plain text: subject, a blank line, body} */
    public String plainText() {
        String s = subject == null ? "" : subject;
        return body == null || body.isEmpty() ? s : s + "\n\n" + body;
    }

    /**
     * @param value the new subject, or null to remove it
     * @return a copy where only the SUMMARY changed
     */
    public Note withSubject(String value) {
        return edit("SUMMARY", value == null ? List.of() : List.of("SUMMARY:" + TextValues.escape(value)));
    }

    /**
     * @param value the new body, or null to remove it
     * @return a copy where only the DESCRIPTION changed
     */
    public Note withBody(String value) {
        return edit("DESCRIPTION", value == null ? List.of() : List.of("DESCRIPTION:" + TextValues.escape(value)));
    }

    /**
     * @param values the new categories; empty to remove them
     * @return a copy where only the CATEGORIES changed
     */
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

    /**
     * Values for a new note, written as a VJOURNAL and read back by {@link ICalendarCodec#forNotes()}.
     * {@code uid} is required. DTSTAMP is the time of the build, LAST-MODIFIED too unless set.
     */
    public static final class Builder {
        private String uid;
        private String subject;
        private String body;
        private List<String> categories = List.of();
        private Instant lastModified;

        private Builder() {
        }

        /**
         * @param value the UID (required)
         * @return this builder
         */
        public Builder uid(String value) {
            uid = value;
            return this;
        }

        /**
         * @param value the subject, or null
         * @return this builder
         */
        public Builder subject(String value) {
            subject = value;
            return this;
        }

        /**
         * @param value the body, or null
         * @return this builder
         */
        public Builder body(String value) {
            body = value;
            return this;
        }

        /**
         * @param values the categories
         * @return this builder
         */
        public Builder categories(List<String> values) {
            categories = values;
            return this;
        }

        /**
         * Written to the second; the time of the build when not set.
         *
         * @param value the LAST-MODIFIED instant, or null for now
         * @return this builder
         */
        public Builder lastModified(Instant value) {
            lastModified = value;
            return this;
        }

        /**
         * {@return the note}
         *
         * @throws IllegalArgumentException when the UID is missing
         */
        public Note build() {
            Checks.required("note", "uid", uid);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<String> l = new ArrayList<>();
            l.add("BEGIN:VJOURNAL");
            l.add("UID:" + uid);
            l.add("DTSTAMP:" + NewCalendar.stamp(now));
            l.add("LAST-MODIFIED:" + NewCalendar.stamp(lastModified == null ? now : lastModified));
            if (subject != null) {
                l.add("SUMMARY:" + TextValues.escape(subject));
            }
            if (body != null) {
                l.add("DESCRIPTION:" + TextValues.escape(body));
            }
            l.addAll(Categories.lines(Checks.list("note", "categories", categories)));
            l.add("END:VJOURNAL");
            return (Note) ICalendarCodec.forNotes().parse(NewCalendar.text(List.of(l), List.of())).items().get(0);
        }
    }
}
