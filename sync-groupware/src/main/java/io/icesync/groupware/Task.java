package io.icesync.groupware;

import io.icesync.groupware.internal.ItemSource;
import io.icesync.groupware.internal.TextValues;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.model.component.VToDo;

/** A VTODO. {@code percent} is PERCENT-COMPLETE; {@code completed} is when it was done (UTC). */
public record Task(String uid, String summary, String description, ItemTime start, ItemTime due, Instant completed,
                   Integer percent, String status, Integer priority, List<String> categories, Instant lastModified,
                   int sequence, ItemSource source) implements CalendarItem {

    public Task {
        categories = List.copyOf(categories);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public VToDo original() {
        return (VToDo) source.component();
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
}
