package io.icesync.groupware;

import io.icesync.groupware.internal.ItemSource;
import io.icesync.groupware.internal.NewCalendar;
import io.icesync.groupware.internal.TextValues;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * A VEVENT. {@link #exceptions()} are the RECURRENCE-ID overrides of a recurring event (each an
 * Event with {@link #recurrenceId()} set). {@code duration} and {@code rrule} are as written.
 * The {@code withX} methods return a copy where only that property changed; everything else,
 * including properties IceSync does not model, is written back as it came. A new event comes from
 * {@link #builder()}; items are equal when their values and the text they were read from are.
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

    /** {@return a builder for a new event; a UID is required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this event's values, to make a new event from them. Only the modelled values
     * are carried: to change one property and keep everything else as written, use a {@code withX}
     * method instead.
     *
     * @return a builder with this event's modelled values
     */
    public Builder toBuilder() {
        return new Builder().uid(uid).recurrenceId(recurrenceId).sequence(sequence).summary(summary)
                .description(description).location(location).start(start).end(end).duration(duration).rrule(rrule)
                .rdates(rdates).exdates(exdates).organizer(organizer).attendees(attendees).alarms(alarms)
                .status(status).priority(priority).categories(categories).exceptions(exceptions);
    }

    /** {@return the unique id (UID), or null when the item has none} */
    @Override
    public String uid() {
        return uid;
    }

    /**
     * {@return the occurrence this override replaces (RECURRENCE-ID), or null for the recurring event itself}
     */
    public ItemTime recurrenceId() {
        return recurrenceId;
    }

    /** {@return the revision number, 0 for a new item (SEQUENCE)} */
    public int sequence() {
        return sequence;
    }

    /** {@return the title (SUMMARY), or null} */
    public String summary() {
        return summary;
    }

    /** {@return the text (DESCRIPTION), or null} */
    public String description() {
        return description;
    }

    /** {@return the place (LOCATION), or null} */
    public String location() {
        return location;
    }

    /** {@return the start (DTSTART), or null} */
    public ItemTime start() {
        return start;
    }

    /** {@return the end (DTEND), or null} */
    public ItemTime end() {
        return end;
    }

    /** {@return the duration as written, e.g. PT1H (DURATION), or null} */
    public String duration() {
        return duration;
    }

    /** {@return the recurrence rule as written (RRULE), or null} */
    public String rrule() {
        return rrule;
    }

    /** {@return the extra occurrences (RDATE); empty when it has none} */
    public List<ItemTime> rdates() {
        return rdates;
    }

    /** {@return the occurrences left out (EXDATE); empty when it has none} */
    public List<ItemTime> exdates() {
        return exdates;
    }

    /** {@return the organizer (ORGANIZER), or null} */
    public Person organizer() {
        return organizer;
    }

    /** {@return the attendees (ATTENDEE); empty when it has none} */
    public List<Attendee> attendees() {
        return attendees;
    }

    /** {@return the alarms (VALARM); empty when it has none} */
    public List<Alarm> alarms() {
        return alarms;
    }

    /** {@return the status (TENTATIVE, CONFIRMED, CANCELLED) (STATUS), or null} */
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

    /** {@return the overrides of single occurrences (RECURRENCE-ID overrides); empty when it has none} */
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

    /** {@return whether the event starts on a date without a time} */
    public boolean isAllDay() {
        return start != null && start.isAllDay();
    }

    /**
     * @param value the new title, or null to remove it
     * @return a copy where only the SUMMARY changed
     */
    public Event withSummary(String value) {
        return edit("SUMMARY", value == null ? List.of() : List.of("SUMMARY:" + TextValues.escape(value)));
    }

    /**
     * @param value the new text, or null to remove it
     * @return a copy where only the DESCRIPTION changed
     */
    public Event withDescription(String value) {
        return edit("DESCRIPTION", value == null ? List.of() : List.of("DESCRIPTION:" + TextValues.escape(value)));
    }

    /**
     * @param value the new place, or null to remove it
     * @return a copy where only the LOCATION changed
     */
    public Event withLocation(String value) {
        return edit("LOCATION", value == null ? List.of() : List.of("LOCATION:" + TextValues.escape(value)));
    }

    /**
     * @param value the new start, or null to remove it
     * @return a copy where only the DTSTART changed
     */
    public Event withStart(ItemTime value) {
        return edit("DTSTART", List.of(value.toContentLine("DTSTART")));
    }

    /**
     * @param value the new end, or null to remove it
     * @return a copy where only the DTEND changed
     */
    public Event withEnd(ItemTime value) {
        return edit("DTEND", value == null ? List.of() : List.of(value.toContentLine("DTEND")));
    }

    /**
     * A new RRULE value such as {@code FREQ=WEEKLY;BYDAY=MO}, or null to stop the recurrence.
     *
     * @param value the new recurrence rule as written, or null to remove it
     * @return a copy where only the RRULE changed
     */
    public Event withRrule(String value) {
        return edit("RRULE", value == null ? List.of() : List.of("RRULE:" + value));
    }

    /**
     * @param values the new occurrences left out; empty to remove them
     * @return a copy where only the EXDATE changed
     */
    public Event withExdates(List<ItemTime> values) {
        return edit("EXDATE", Dates.lines("EXDATE", values));
    }

    /**
     * @param values the new extra occurrences; empty to remove them
     * @return a copy where only the RDATE changed
     */
    public Event withRdates(List<ItemTime> values) {
        return edit("RDATE", Dates.lines("RDATE", values));
    }

    /**
     * @param value the new status (TENTATIVE, CONFIRMED, CANCELLED), or null to remove it
     * @return a copy where only the STATUS changed
     */
    public Event withStatus(String value) {
        return edit("STATUS", value == null ? List.of() : List.of("STATUS:" + value));
    }

    /**
     * @param value the new priority, 1 highest to 9 lowest, 0 undefined, or null to remove it
     * @return a copy where only the PRIORITY changed
     */
    public Event withPriority(Integer value) {
        return edit("PRIORITY", value == null ? List.of() : List.of("PRIORITY:" + value));
    }

    /**
     * @param value the new revision number, 0 for a new item
     * @return a copy where only the SEQUENCE changed
     */
    public Event withSequence(int value) {
        return edit("SEQUENCE", List.of("SEQUENCE:" + value));
    }

    /**
     * @param values the new categories; empty to remove them
     * @return a copy where only the CATEGORIES changed
     */
    public Event withCategories(List<String> values) {
        return edit("CATEGORIES", Categories.lines(values));
    }

    /**
     * @param values the new attendees; empty to remove them
     * @return a copy where only the ATTENDEE changed
     */
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
     *
     * @param from the window's start
     * @param to   the window's end
     * @return the occurrences' starts, in order; empty when none falls in the window
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

    /**
     * Values for a new event, written as a VCALENDAR with a VTIMEZONE for each TZID used and read back
     * by {@link ICalendarCodec}, so {@link #build()} gives what parsing that text gives. {@code uid}
     * and {@code start} are required; {@code end} and {@code duration} exclude each other;
     * {@code exceptions} are overrides, each with a {@code recurrenceId}. DTSTAMP is the time of the
     * build, LAST-MODIFIED too unless {@link #lastModified(Instant)} says otherwise. A bad value
     * fails with {@link IllegalArgumentException} naming the field; a value the iCalendar parser
     * refuses (a malformed RRULE or DURATION) with {@link GroupwareFormatException}.
     */
    public static final class Builder {
        private String uid;
        private ItemTime recurrenceId;
        private int sequence;
        private String summary;
        private String description;
        private String location;
        private ItemTime start;
        private ItemTime end;
        private String duration;
        private String rrule;
        private List<ItemTime> rdates = List.of();
        private List<ItemTime> exdates = List.of();
        private Person organizer;
        private List<Attendee> attendees = List.of();
        private List<Alarm> alarms = List.of();
        private String status;
        private Integer priority;
        private List<String> categories = List.of();
        private Instant lastModified;
        private List<Event> exceptions = List.of();

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
         * Set for an override of one occurrence of a recurring event.
         *
         * @param value the occurrence this override replaces, or null for the recurring event itself
         * @return this builder
         */
        public Builder recurrenceId(ItemTime value) {
            recurrenceId = value;
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
         * @param value the place, or null
         * @return this builder
         */
        public Builder location(String value) {
            location = value;
            return this;
        }

        /**
         * {@link ItemTime#zoned}, {@link ItemTime#utc}, {@link ItemTime#floating} or {@link ItemTime#allDay}.
         *
         * @param value the start, or null
         * @return this builder
         */
        public Builder start(ItemTime value) {
            start = value;
            return this;
        }

        /**
         * Exclusive: an all-day event on one day ends the next day.
         *
         * @param value the end, or null
         * @return this builder
         */
        public Builder end(ItemTime value) {
            end = value;
            return this;
        }

        /**
         * An RFC 5545 duration such as {@code PT1H30M}, instead of an end.
         *
         * @param value the duration as written, e.g. PT1H, or null
         * @return this builder
         */
        public Builder duration(String value) {
            duration = value;
            return this;
        }

        /**
         * An RRULE value such as {@code FREQ=WEEKLY;BYDAY=MO}.
         *
         * @param value the recurrence rule as written, or null
         * @return this builder
         */
        public Builder rrule(String value) {
            rrule = value;
            return this;
        }

        /**
         * @param values the extra occurrences
         * @return this builder
         */
        public Builder rdates(List<ItemTime> values) {
            rdates = values;
            return this;
        }

        /**
         * @param values the occurrences left out
         * @return this builder
         */
        public Builder exdates(List<ItemTime> values) {
            exdates = values;
            return this;
        }

        /**
         * @param value the organizer, or null
         * @return this builder
         */
        public Builder organizer(Person value) {
            organizer = value;
            return this;
        }

        /**
         * @param values the attendees
         * @return this builder
         */
        public Builder attendees(List<Attendee> values) {
            attendees = values;
            return this;
        }

        /**
         * @param values the alarms
         * @return this builder
         */
        public Builder alarms(List<Alarm> values) {
            alarms = values;
            return this;
        }

        /**
         * TENTATIVE, CONFIRMED or CANCELLED.
         *
         * @param value the status (TENTATIVE, CONFIRMED, CANCELLED), or null
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
         * Overrides of single occurrences: events with this uid (or none) and a recurrenceId.
         *
         * @param values the overrides of single occurrences
         * @return this builder
         */
        public Builder exceptions(List<Event> values) {
            exceptions = values;
            return this;
        }

        /**
         * {@return the event}
         *
         * @throws IllegalArgumentException when the UID is missing, a value cannot be written, or an override has overrides of its own
         */
        public Event build() {
            Set<String> tzids = new LinkedHashSet<>();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<List<String>> components = new ArrayList<>();
            components.add(lines(uid, tzids, now));
            List<Event> overrides = Checks.list("event", "exceptions", exceptions);
            if (!overrides.isEmpty() && recurrenceId != null) {
                throw new IllegalArgumentException("event exceptions belong to the recurring event, not to an override");
            }
            for (Event e : overrides) {
                if (e.recurrenceId() == null) {
                    throw new IllegalArgumentException("event exceptions need a recurrenceId: " + e);
                }
                if (e.uid() != null && !e.uid().equals(uid)) {
                    throw new IllegalArgumentException("event exceptions must have the event's uid " + uid + ": " + e.uid());
                }
                Builder b = e.toBuilder();
                if (e.lastModified() != null) {
                    b.lastModified(e.lastModified());
                }
                if (!b.exceptions.isEmpty()) {
                    throw new IllegalArgumentException("event exceptions may not have exceptions: " + e);
                }
                components.add(b.lines(uid, tzids, now));
            }
            String text = NewCalendar.text(components, tzids);
            return (Event) ICalendarCodec.standard().parse(text).items().get(0);
        }

        private List<String> lines(String eventUid, Set<String> tzids, Instant now) {
            String what = "event";
            Checks.required(what, "uid", eventUid);
            Checks.time(what, "recurrenceId", recurrenceId, tzids);
            Checks.time(what, "start", Checks.required(what, "start", start), tzids);
            Checks.time(what, "end", end, tzids);
            if (end != null && duration != null) {
                throw new IllegalArgumentException("event end and duration exclude each other");
            }
            if (end != null && end.isAllDay() != start.isAllDay()) {
                throw new IllegalArgumentException("event end must be all-day when start is, and timed when it is not");
            }
            if (end != null && start.isAllDay() && !end.date().isAfter(start.date())) {
                throw new IllegalArgumentException("event end must be after start (all-day ends are exclusive): " + end.date());
            }
            Checks.plain(what, "duration", duration);
            Checks.plain(what, "rrule", rrule);
            Checks.plain(what, "status", status);
            Checks.range(what, "priority", priority, 0, 9);
            List<ItemTime> rd = Checks.list(what, "rdates", rdates);
            List<ItemTime> ex = Checks.list(what, "exdates", exdates);
            rd.forEach(t -> Checks.time(what, "rdates", t, tzids));
            ex.forEach(t -> Checks.time(what, "exdates", t, tzids));
            List<Attendee> att = Checks.list(what, "attendees", attendees);
            for (Attendee a : att) {
                Checks.required(what, "attendee email", a.email());
                Checks.plain(what, "attendee name", a.name());
                Checks.plain(what, "attendee role", a.role());
                Checks.plain(what, "attendee status", a.status());
            }
            List<Alarm> al = Checks.list(what, "alarms", alarms);

            List<String> l = new ArrayList<>();
            l.add("BEGIN:VEVENT");
            l.add("UID:" + eventUid);
            l.add("DTSTAMP:" + NewCalendar.stamp(now));
            l.add("LAST-MODIFIED:" + NewCalendar.stamp(lastModified == null ? now : lastModified));
            if (recurrenceId != null) {
                l.add(recurrenceId.toContentLine("RECURRENCE-ID"));
            }
            if (sequence != 0) {
                l.add("SEQUENCE:" + sequence);
            }
            l.add(start.toContentLine("DTSTART"));
            if (end != null) {
                l.add(end.toContentLine("DTEND"));
            }
            if (duration != null) {
                l.add("DURATION:" + duration);
            }
            text(l, "SUMMARY", summary);
            text(l, "DESCRIPTION", description);
            text(l, "LOCATION", location);
            if (rrule != null) {
                l.add("RRULE:" + rrule);
            }
            l.addAll(Dates.lines("RDATE", rd));
            l.addAll(Dates.lines("EXDATE", ex));
            if (organizer != null) {
                Checks.required(what, "organizer email", organizer.email());
                Checks.plain(what, "organizer name", organizer.name());
                l.add("ORGANIZER" + (organizer.name() == null ? "" : ";CN=" + Params.quote(organizer.name()))
                        + ":mailto:" + organizer.email());
            }
            l.addAll(attendeeLines(att));
            if (status != null) {
                l.add("STATUS:" + status);
            }
            if (priority != null) {
                l.add("PRIORITY:" + priority);
            }
            l.addAll(Categories.lines(Checks.list(what, "categories", categories)));
            for (Alarm a : al) {
                l.add("BEGIN:VALARM");
                l.add("ACTION:" + Checks.required(what, "alarm action", a.action()));
                l.add("TRIGGER:" + Checks.required(what, "alarm trigger", a.trigger()));
                text(l, "DESCRIPTION", a.description());
                l.add("END:VALARM");
            }
            l.add("END:VEVENT");
            return l;
        }

        private static void text(List<String> lines, String name, String value) {
            if (value != null) {
                lines.add(name + ":" + TextValues.escape(value));
            }
        }
    }
}
