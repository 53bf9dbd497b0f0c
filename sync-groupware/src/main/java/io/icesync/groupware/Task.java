package io.icesync.groupware;

import io.icesync.groupware.internal.ItemSource;
import io.icesync.groupware.internal.TextValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A VTODO. {@code percent} is PERCENT-COMPLETE; {@code completed} is when it was done (UTC). Items are
 * equal when their values and the text they were read from are.
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

    @Override
    public String uid() {
        return uid;
    }

    public String summary() {
        return summary;
    }

    public String description() {
        return description;
    }

    public ItemTime start() {
        return start;
    }

    public ItemTime due() {
        return due;
    }

    public Instant completed() {
        return completed;
    }

    public Integer percent() {
        return percent;
    }

    public String status() {
        return status;
    }

    public Integer priority() {
        return priority;
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

    /** The VTODO as read: {@code original().unwrap(VToDo.class)}, or the whole {@code Calendar}. */
    @Override
    public Original original() {
        return Items.original(source);
    }

    ItemSource source() {
        return source;
    }

    public Task withSummary(String value) {
        return edit("SUMMARY", value == null ? List.of() : List.of("SUMMARY:" + TextValues.escape(value)));
    }

    public Task withDescription(String value) {
        return edit("DESCRIPTION", value == null ? List.of() : List.of("DESCRIPTION:" + TextValues.escape(value)));
    }

    public Task withDue(ItemTime value) {
        return edit("DUE", value == null ? List.of() : List.of(value.toContentLine("DUE")));
    }

    public Task withStart(ItemTime value) {
        return edit("DTSTART", value == null ? List.of() : List.of(value.toContentLine("DTSTART")));
    }

    public Task withStatus(String value) {
        return edit("STATUS", value == null ? List.of() : List.of("STATUS:" + value));
    }

    public Task withPercent(Integer value) {
        return edit("PERCENT-COMPLETE", value == null ? List.of() : List.of("PERCENT-COMPLETE:" + value));
    }

    public Task withPriority(Integer value) {
        return edit("PRIORITY", value == null ? List.of() : List.of("PRIORITY:" + value));
    }

    /** Marks the task done at {@code when} (STATUS:COMPLETED, 100 %), or open again with null (F5.2). */
    public Task withCompleted(Instant when) {
        if (when == null) {
            return ((Task) source.edit("COMPLETED", List.of())).withStatus("NEEDS-ACTION").withPercent(null);
        }
        Task t = (Task) source.edit("COMPLETED", List.of(ItemTime.utc(when).toContentLine("COMPLETED")));
        return t.withStatus("COMPLETED").withPercent(100);
    }

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
}
