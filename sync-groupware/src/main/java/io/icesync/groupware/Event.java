package io.icesync.groupware;

import io.icesync.groupware.internal.ItemSource;
import io.icesync.groupware.internal.TextValues;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * A VEVENT. {@link #exceptions()} are the RECURRENCE-ID overrides of a recurring event (each an
 * Event with {@link #recurrenceId()} set). {@code duration} and {@code rrule} are as written.
 * The {@code withX} methods return a copy where only that property changed; everything else,
 * including properties IceSync does not model, is written back as it came.
 */
public record Event(String uid, ItemTime recurrenceId, int sequence, String summary, String description, String location,
                    ItemTime start, ItemTime end, String duration, String rrule, List<ItemTime> rdates,
                    List<ItemTime> exdates, Person organizer, List<Attendee> attendees, List<Alarm> alarms, String status,
                    Integer priority, List<String> categories, Instant lastModified, List<Event> exceptions,
                    ItemSource source) implements CalendarItem {

    public Event {
        rdates = List.copyOf(rdates);
        exdates = List.copyOf(exdates);
        attendees = List.copyOf(attendees);
        alarms = List.copyOf(alarms);
        categories = List.copyOf(categories);
        exceptions = List.copyOf(exceptions);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public VEvent original() {
        return (VEvent) source.component();
    }

    public boolean isAllDay() {
        return start != null && start.isAllDay();
    }

    public Event withSummary(String value) {
        return edit("SUMMARY", value == null ? List.of() : List.of("SUMMARY:" + TextValues.escape(value)));
    }

    public Event withDescription(String value) {
        return edit("DESCRIPTION", value == null ? List.of() : List.of("DESCRIPTION:" + TextValues.escape(value)));
    }

    public Event withLocation(String value) {
        return edit("LOCATION", value == null ? List.of() : List.of("LOCATION:" + TextValues.escape(value)));
    }

    public Event withStart(ItemTime value) {
        return edit("DTSTART", List.of(value.toContentLine("DTSTART")));
    }

    public Event withEnd(ItemTime value) {
        return edit("DTEND", value == null ? List.of() : List.of(value.toContentLine("DTEND")));
    }

    /** A new RRULE value such as {@code FREQ=WEEKLY;BYDAY=MO}, or null to stop the recurrence. */
    public Event withRrule(String value) {
        return edit("RRULE", value == null ? List.of() : List.of("RRULE:" + value));
    }

    public Event withExdates(List<ItemTime> values) {
        return edit("EXDATE", Dates.lines("EXDATE", values));
    }

    public Event withRdates(List<ItemTime> values) {
        return edit("RDATE", Dates.lines("RDATE", values));
    }

    public Event withStatus(String value) {
        return edit("STATUS", value == null ? List.of() : List.of("STATUS:" + value));
    }

    public Event withPriority(Integer value) {
        return edit("PRIORITY", value == null ? List.of() : List.of("PRIORITY:" + value));
    }

    public Event withSequence(int value) {
        return edit("SEQUENCE", List.of("SEQUENCE:" + value));
    }

    public Event withCategories(List<String> values) {
        return edit("CATEGORIES", Categories.lines(values));
    }

    public Event withAttendees(List<Attendee> values) {
        List<String> lines = new ArrayList<>();
        for (Attendee a : values) {
            StringBuilder b = new StringBuilder("ATTENDEE");
            if (a.name() != null) {
                b.append(";CN=").append(Params.quote(a.name()));
            }
            if (a.role() != null) {
                b.append(";ROLE=").append(a.role());
            }
            if (a.status() != null) {
                b.append(";PARTSTAT=").append(a.status());
            }
            if (a.rsvp()) {
                b.append(";RSVP=TRUE");
            }
            lines.add(b.append(":mailto:").append(a.email()).toString());
        }
        return edit("ATTENDEE", lines);
    }

    /**
     * The start of each occurrence between {@code from} and {@code to}, RRULE, RDATE and EXDATE
     * applied, in the event's own time zone (a 09:00 event stays 09:00 local across DST).
     */
    public List<ZonedDateTime> occurrences(Instant from, Instant to) {
        Period<ZonedDateTime> window = new Period<>(from.atZone(ZoneOffset.UTC), to.atZone(ZoneOffset.UTC));
        List<ZonedDateTime> out = new ArrayList<>();
        for (Period<Temporal> p : original().<Temporal>calculateRecurrenceSet(window)) {
            Temporal s = p.getStart();
            if (s instanceof ZonedDateTime z) {
                out.add(z);
            } else if (s instanceof java.time.OffsetDateTime o) {
                out.add(o.toZonedDateTime());
            } else if (s instanceof java.time.LocalDate d) {
                out.add(d.atStartOfDay(ZoneOffset.UTC));
            } else if (s instanceof java.time.LocalDateTime l) {
                out.add(l.atZone(ZoneOffset.UTC));
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private Event edit(String name, List<String> lines) {
        return (Event) source.edit(name, lines);
    }
}
