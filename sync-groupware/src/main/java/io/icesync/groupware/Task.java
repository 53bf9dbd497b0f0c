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
 * A VTODO. {@code percent} is PERCENT-COMPLETE; {@code completed} is when it was done (UTC). A new
 * task comes from {@link #builder()}; items are equal when their values and the text they were read
 * from are.
 */
public final class Task implements CalendarItem {
    private final String uid;
    private final String summary;
    private final String description;
    private final ItemTime start;
    private final ItemTime due;
    private final Instant completed;
    private final Integer percent;
    private final String status;
    private final Integer priority;
    private final List<String> categories;
    private final Instant lastModified;
    private final int sequence;
    private final ItemSource source;

    Task(String uid, String summary, String description, ItemTime start, ItemTime due, Instant completed,
         Integer percent, String status, Integer priority, List<String> categories, Instant lastModified,
         int sequence, ItemSource source) {
        this.uid = uid;
        this.summary = summary;
        this.description = description;
        this.start = start;
        this.due = due;
        this.completed = completed;
        this.percent = percent;
        this.status = status;
        this.priority = priority;
        this.categories = List.copyOf(categories);
        this.lastModified = lastModified;
        this.sequence = sequence;
        this.source = Objects.requireNonNull(source, "source");
    }

    /** {@return a builder for a new task; a UID is required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this task's values; only the modelled values are carried} */
    public Builder toBuilder() {
        return new Builder().uid(uid).summary(summary).description(description).start(start).due(due)
                .completed(completed).percent(percent).status(status).priority(priority).categories(categories)
                .sequence(sequence);
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

    /** {@return the text (DESCRIPTION), or null} */
    public String description() {
        return description;
    }

    /** {@return the start (DTSTART), or null} */
    public ItemTime start() {
        return start;
    }

    /** {@return the due date or time (DUE), or null} */
    public ItemTime due() {
        return due;
    }

    /** {@return the instant it was done, UTC (COMPLETED), or null} */
    public Instant completed() {
        return completed;
    }

    /** {@return the percentage done, 0 to 100 (PERCENT-COMPLETE), or null} */
    public Integer percent() {
        return percent;
    }

    /** {@return the status (NEEDS-ACTION, IN-PROCESS, COMPLETED, CANCELLED) (STATUS), or null} */
    public String status() {
        return status;
    }

    /** {@return the priority, 1 highest to 9 lowest, 0 undefined (PRIORITY), or null} */
    public Integer priority() {
        return priority;
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

    /** The VTODO as read: {@code original().unwrap(VToDo.class)}, or the whole {@code Calendar}. */
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
    public Task withSummary(String value) {
        return edit("SUMMARY", value == null ? List.of() : List.of("SUMMARY:" + TextValues.escape(value)));
    }

    /**
     * @param value the new text, or null to remove it
     * @return a copy where only the DESCRIPTION changed
     */
    public Task withDescription(String value) {
        return edit("DESCRIPTION", value == null ? List.of() : List.of("DESCRIPTION:" + TextValues.escape(value)));
    }

    /**
     * @param value the new due date or time, or null to remove it
     * @return a copy where only the DUE changed
     */
    public Task withDue(ItemTime value) {
        return edit("DUE", value == null ? List.of() : List.of(value.toContentLine("DUE")));
    }

    /**
     * @param value the new start, or null to remove it
     * @return a copy where only the DTSTART changed
     */
    public Task withStart(ItemTime value) {
        return edit("DTSTART", value == null ? List.of() : List.of(value.toContentLine("DTSTART")));
    }

    /**
     * @param value the new status (NEEDS-ACTION, IN-PROCESS, COMPLETED, CANCELLED), or null to remove it
     * @return a copy where only the STATUS changed
     */
    public Task withStatus(String value) {
        return edit("STATUS", value == null ? List.of() : List.of("STATUS:" + value));
    }

    /**
     * @param value the new percentage done, 0 to 100, or null to remove it
     * @return a copy where only the PERCENT-COMPLETE changed
     */
    public Task withPercent(Integer value) {
        return edit("PERCENT-COMPLETE", value == null ? List.of() : List.of("PERCENT-COMPLETE:" + value));
    }

    /**
     * @param value the new priority, 1 highest to 9 lowest, 0 undefined, or null to remove it
     * @return a copy where only the PRIORITY changed
     */
    public Task withPriority(Integer value) {
        return edit("PRIORITY", value == null ? List.of() : List.of("PRIORITY:" + value));
    }

    /**
     * Marks the task done at {@code when} (STATUS:COMPLETED, 100 %), or open again with null (F5.2).
     *
     * @param when when it was done, or null to open the task again
     * @return a copy with COMPLETED, STATUS and PERCENT-COMPLETE changed
     */
    public Task withCompleted(Instant when) {
        if (when == null) {
            return ((Task) source.edit("COMPLETED", List.of())).withStatus("NEEDS-ACTION").withPercent(null);
        }
        Task t = (Task) source.edit("COMPLETED", List.of(ItemTime.utc(when).toContentLine("COMPLETED")));
        return t.withStatus("COMPLETED").withPercent(100);
    }

    /**
     * @param values the new categories; empty to remove them
     * @return a copy where only the CATEGORIES changed
     */
    public Task withCategories(List<String> values) {
        return edit("CATEGORIES", Categories.lines(values));
    }

    private Task edit(String name, List<String> lines) {
        return (Task) source.edit(name, lines);
    }

    private List<Object> values() {
        return Arrays.asList(uid, summary, description, start, due, completed, percent, status, priority, categories,
                lastModified, sequence, source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Task t && values().equals(t.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "Task[uid=" + uid + ", summary=" + summary + ", due=" + due + ", status=" + status + "]";
    }

    /**
     * Values for a new task, written as a VCALENDAR (with a VTIMEZONE for each TZID used) and read
     * back by {@link ICalendarCodec}. {@code uid} is required. The values are written as given:
     * {@link Task#withCompleted(Instant)} is the edit that also sets status and percent. DTSTAMP is
     * the time of the build, LAST-MODIFIED too unless set. A bad value fails with
     * {@link IllegalArgumentException} naming the field.
     */
    public static final class Builder {
        private String uid;
        private String summary;
        private String description;
        private ItemTime start;
        private ItemTime due;
        private Instant completed;
        private Integer percent;
        private String status;
        private Integer priority;
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
         * @param value the text, or null
         * @return this builder
         */
        public Builder description(String value) {
            description = value;
            return this;
        }

        /**
         * @param value the start, or null
         * @return this builder
         */
        public Builder start(ItemTime value) {
            start = value;
            return this;
        }

        /**
         * @param value the due date or time, or null
         * @return this builder
         */
        public Builder due(ItemTime value) {
            due = value;
            return this;
        }

        /**
         * When it was done; written in UTC to the second.
         *
         * @param value the instant it was done, UTC, or null
         * @return this builder
         */
        public Builder completed(Instant value) {
            completed = value;
            return this;
        }

        /**
         * PERCENT-COMPLETE, 0 to 100.
         *
         * @param value the percentage done, 0 to 100, or null
         * @return this builder
         */
        public Builder percent(Integer value) {
            percent = value;
            return this;
        }

        /**
         * NEEDS-ACTION, IN-PROCESS, COMPLETED or CANCELLED.
         *
         * @param value the status (NEEDS-ACTION, IN-PROCESS, COMPLETED, CANCELLED), or null
         * @return this builder
         */
        public Builder status(String value) {
            status = value;
            return this;
        }

        /**
         * 0 (undefined) to 9 (lowest); 1 is the highest.
         *
         * @param value the priority, 1 highest to 9 lowest, 0 undefined, or null
         * @return this builder
         */
        public Builder priority(Integer value) {
            priority = value;
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
         * {@return the task}
         *
         * @throws IllegalArgumentException when the UID is missing, a value is out of range, or start and due mix all-day and timed
         */
        public Task build() {
            String what = "task";
            Set<String> tzids = new LinkedHashSet<>();
            Checks.required(what, "uid", uid);
            Checks.time(what, "start", start, tzids);
            Checks.time(what, "due", due, tzids);
            if (start != null && due != null && start.isAllDay() != due.isAllDay()) {
                throw new IllegalArgumentException("task due must be all-day when start is, and timed when it is not");
            }
            Checks.range(what, "percent", percent, 0, 100);
            Checks.range(what, "priority", priority, 0, 9);
            Checks.plain(what, "status", status);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<String> l = new ArrayList<>();
            l.add("BEGIN:VTODO");
            l.add("UID:" + uid);
            l.add("DTSTAMP:" + NewCalendar.stamp(now));
            l.add("LAST-MODIFIED:" + NewCalendar.stamp(lastModified == null ? now : lastModified));
            if (sequence != 0) {
                l.add("SEQUENCE:" + sequence);
            }
            if (summary != null) {
                l.add("SUMMARY:" + TextValues.escape(summary));
            }
            if (description != null) {
                l.add("DESCRIPTION:" + TextValues.escape(description));
            }
            if (start != null) {
                l.add(start.toContentLine("DTSTART"));
            }
            if (due != null) {
                l.add(due.toContentLine("DUE"));
            }
            if (completed != null) {
                l.add(ItemTime.utc(completed).toContentLine("COMPLETED"));
            }
            if (percent != null) {
                l.add("PERCENT-COMPLETE:" + percent);
            }
            if (status != null) {
                l.add("STATUS:" + status);
            }
            if (priority != null) {
                l.add("PRIORITY:" + priority);
            }
            l.addAll(Categories.lines(Checks.list(what, "categories", categories)));
            l.add("END:VTODO");
            return (Task) ICalendarCodec.standard().parse(NewCalendar.text(List.of(l), tzids)).items().get(0);
        }
    }
}
