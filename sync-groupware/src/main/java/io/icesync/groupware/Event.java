package io.icesync.groupware;

import io.icesync.groupware.internal.ItemSource;
import io.icesync.groupware.internal.TextValues;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * A VEVENT. {@link #exceptions()} are the RECURRENCE-ID overrides of a recurring event (each an
 * Event with {@link #recurrenceId()} set). {@code duration} and {@code rrule} are as written.
 * The {@code withX} methods return a copy where only that property changed; everything else,
 * including properties IceSync does not model, is written back as it came. Items are equal when their values and the text they were read from are.
 */
public final class Event implements CalendarItem {
    private final String uid;
    private final ItemTime recurrenceId;
    private final int sequence;
    private final String summary;
    private final String description;
    private final String location;
    private final ItemTime start;
    private final ItemTime end;
    private final String duration;
    private final String rrule;
    private final List<ItemTime> rdates;
    private final List<ItemTime> exdates;
    private final Person organizer;
    private final List<Attendee> attendees;
    private final List<Alarm> alarms;
    private final String status;
    private final Integer priority;
    private final List<String> categories;
    private final Instant lastModified;
    private final List<Event> exceptions;
    private final ItemSource source;

    Event(String uid, ItemTime recurrenceId, int sequence, String summary, String description, String location,
          ItemTime start, ItemTime end, String duration, String rrule, List<ItemTime> rdates,
          List<ItemTime> exdates, Person organizer, List<Attendee> attendees, List<Alarm> alarms, String status,
          Integer priority, List<String> categories, Instant lastModified, List<Event> exceptions,
          ItemSource source) {
        this.uid = uid;
        this.recurrenceId = recurrenceId;
        this.sequence = sequence;
        this.summary = summary;
        this.description = description;
        this.location = location;
        this.start = start;
        this.end = end;
        this.duration = duration;
        this.rrule = rrule;
        this.rdates = List.copyOf(rdates);
        this.exdates = List.copyOf(exdates);
        this.organizer = organizer;
        this.attendees = List.copyOf(attendees);
        this.alarms = List.copyOf(alarms);
        this.status = status;
        this.priority = priority;
        this.categories = List.copyOf(categories);
        this.lastModified = lastModified;
        this.exceptions = List.copyOf(exceptions);
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public String uid() {
        return uid;
    }

    public ItemTime recurrenceId() {
        return recurrenceId;
    }

    public int sequence() {
        return sequence;
    }

    public String summary() {
        return summary;
    }

    public String description() {
        return description;
    }

    public String location() {
        return location;
    }

    public ItemTime start() {
        return start;
    }

    public ItemTime end() {
        return end;
    }

    public String duration() {
        return duration;
    }

    public String rrule() {
        return rrule;
    }

    public List<ItemTime> rdates() {
        return rdates;
    }

    public List<ItemTime> exdates() {
        return exdates;
    }

    public Person organizer() {
        return organizer;
    }

    public List<Attendee> attendees() {
        return attendees;
    }

    public List<Alarm> alarms() {
        return alarms;
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

    public List<Event> exceptions() {
        return exceptions;
    }

    /** The VEVENT as read: {@code original().unwrap(VEvent.class)}, or the whole {@code Calendar}. */
    @Override
    public Original original() {
        return Items.original(source);
    }

    ItemSource source() {
        return source;
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
        return edit("ATTENDEE", attendeeLines(values));
    }

    private static List<String> attendeeLines(List<Attendee> values) {
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
        return lines;
    }

    /**
     * The start of each occurrence between {@code from} and {@code to}, RRULE, RDATE and EXDATE
     * applied, in the event's own time zone (a 09:00 event stays 09:00 local across DST).
     */
    public List<ZonedDateTime> occurrences(Instant from, Instant to) {
        Period<ZonedDateTime> window = new Period<>(from.atZone(ZoneOffset.UTC), to.atZone(ZoneOffset.UTC));
        List<ZonedDateTime> out = new ArrayList<>();
        for (Period<Temporal> p : ((VEvent) source.component()).<Temporal>calculateRecurrenceSet(window)) {
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

    private List<Object> values() {
        return Arrays.asList(uid, recurrenceId, sequence, summary, description, location, start, end, duration, rrule,
                rdates, exdates, organizer, attendees, alarms, status, priority, categories, lastModified, exceptions,
                source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event e && values().equals(e.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "Event[uid=" + uid + (recurrenceId == null ? "" : ", recurrenceId=" + recurrenceId) + ", summary=" + summary
                + ", start=" + start + ", end=" + end + (rrule == null ? "" : ", rrule=" + rrule)
                + (exceptions.isEmpty() ? "" : ", exceptions=" + exceptions.size()) + "]";
    }
}
