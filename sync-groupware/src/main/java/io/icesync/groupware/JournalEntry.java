package io.icesync.groupware;

import io.icesync.groupware.internal.ItemSource;
import io.icesync.groupware.internal.NewCalendar;
import io.icesync.groupware.internal.TextValues;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A VJOURNAL of a journal folder; RFC 5545 allows several DESCRIPTIONs, kept in order. A new entry
 * comes from {@link #builder()}; items are equal when their values and the text they were read from are.
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

    /** {@return a builder for a new journal entry; a UID is required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this entry's values; only the modelled values are carried} */
    public Builder toBuilder() {
        return new Builder().uid(uid).summary(summary).descriptions(descriptions).start(start).status(status)
                .categories(categories).sequence(sequence);
    }

    /** {@return the unique id (UID), or null when the item has none} */
    @Override
    public String uid() {
        return uid;
    }

    /** {@return the title (SUMMARY), or null} */
    public String summary() {
        return summary;
    }

    /** {@return the texts, one per DESCRIPTION (DESCRIPTION); empty when it has none} */
    public List<String> descriptions() {
        return descriptions;
    }

    /** {@return the date or time it is about (DTSTART), or null} */
    public ItemTime start() {
        return start;
    }

    /** {@return the status (DRAFT, FINAL, CANCELLED) (STATUS), or null} */
    public String status() {
        return status;
    }

    /** {@return the categories (CATEGORIES); empty when it has none} */
    @Override
    public List<String> categories() {
        return categories;
    }

    /** {@return the last change, written to the second (LAST-MODIFIED), or null} */
    @Override
    public Instant lastModified() {
        return lastModified;
    }

    /** {@return the revision number, 0 for a new item (SEQUENCE)} */
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

    /**
     * @param value the new title, or null to remove it
     * @return a copy where only the SUMMARY changed
     */
    public JournalEntry withSummary(String value) {
        return edit("SUMMARY", value == null ? List.of() : List.of("SUMMARY:" + TextValues.escape(value)));
    }

    /**
     * @param values the new texts, one per DESCRIPTION; empty to remove them
     * @return a copy where only the DESCRIPTION changed
     */
    public JournalEntry withDescriptions(List<String> values) {
        return edit("DESCRIPTION", values.stream().map(v -> "DESCRIPTION:" + TextValues.escape(v)).toList());
    }

    /**
     * @param value the new date or time it is about, or null to remove it
     * @return a copy where only the DTSTART changed
     */
    public JournalEntry withStart(ItemTime value) {
        return edit("DTSTART", value == null ? List.of() : List.of(value.toContentLine("DTSTART")));
    }

    /**
     * @param values the new categories; empty to remove them
     * @return a copy where only the CATEGORIES changed
     */
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

    /**
     * Values for a new journal entry, written as a VJOURNAL and read back by
     * {@link ICalendarCodec#standard()}. {@code uid} is required. DTSTAMP is the time of the build,
     * LAST-MODIFIED too unless set. A bad value fails with {@link IllegalArgumentException} naming the field.
     */
    public static final class Builder {
        private String uid;
        private String summary;
        private List<String> descriptions = List.of();
        private ItemTime start;
        private String status;
        private List<String> categories = List.of();
        private Instant lastModified;
        private int sequence;

        private Builder() {
        }

        /**
         * @param value the unique id (required)
         * @return this builder
         */
        public Builder uid(String value) {
            uid = value;
            return this;
        }

        /**
         * @param value the title, or null
         * @return this builder
         */
        public Builder summary(String value) {
            summary = value;
            return this;
        }

        /**
         * One DESCRIPTION each, in order.
         *
         * @param values the texts, one per DESCRIPTION
         * @return this builder
         */
        public Builder descriptions(List<String> values) {
            descriptions = values;
            return this;
        }

        /**
         * @param value the date or time it is about, or null
         * @return this builder
         */
        public Builder start(ItemTime value) {
            start = value;
            return this;
        }

        /**
         * DRAFT, FINAL or CANCELLED.
         *
         * @param value the status (DRAFT, FINAL, CANCELLED), or null
         * @return this builder
         */
        public Builder status(String value) {
            status = value;
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
         * @param value the last change, written to the second, or null
         * @return this builder
         */
        public Builder lastModified(Instant value) {
            lastModified = value;
            return this;
        }

        /**
         * @param value the revision number, 0 for a new item
         * @return this builder
         */
        public Builder sequence(int value) {
            sequence = value;
            return this;
        }

        /**
         * {@return the journal entry}
         *
         * @throws IllegalArgumentException when the UID is missing or a value cannot be written
         */
        public JournalEntry build() {
            String what = "journal entry";
            Set<String> tzids = new LinkedHashSet<>();
            Checks.required(what, "uid", uid);
            Checks.time(what, "start", start, tzids);
            Checks.plain(what, "status", status);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<String> l = new ArrayList<>();
            l.add("BEGIN:VJOURNAL");
            l.add("UID:" + uid);
            l.add("DTSTAMP:" + NewCalendar.stamp(now));
            l.add("LAST-MODIFIED:" + NewCalendar.stamp(lastModified == null ? now : lastModified));
            if (sequence != 0) {
                l.add("SEQUENCE:" + sequence);
            }
            if (start != null) {
                l.add(start.toContentLine("DTSTART"));
            }
            if (summary != null) {
                l.add("SUMMARY:" + TextValues.escape(summary));
            }
            for (String d : Checks.list(what, "descriptions", descriptions)) {
                l.add("DESCRIPTION:" + TextValues.escape(d));
            }
            if (status != null) {
                l.add("STATUS:" + status);
            }
            l.addAll(Categories.lines(Checks.list(what, "categories", categories)));
            l.add("END:VJOURNAL");
            return (JournalEntry) ICalendarCodec.standard().parse(NewCalendar.text(List.of(l), tzids)).items().get(0);
        }
    }
}
