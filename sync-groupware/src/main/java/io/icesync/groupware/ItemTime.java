package io.icesync.groupware;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;

/**
 * A date or date-time as the item states it (PITFALL 10): an all-day {@link #date()}; a wall-clock
 * {@link #local()} time with its {@link #tzid()} (never converted to UTC); a floating local time
 * (no tzid); or a {@link #utc()} instant. Exactly one of date, local and utc is set.
 */
public record ItemTime(LocalDate date, LocalDateTime local, String tzid, Instant utc) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /**
     * @param date the day
     * @return an all-day time (VALUE=DATE)
     */
    public static ItemTime allDay(LocalDate date) {
        return new ItemTime(date, null, null, null);
    }

    /**
     * @param local the wall-clock time, never converted
     * @param tzid  the time zone id the item names (TZID)
     * @return a local time in that zone
     */
    public static ItemTime zoned(LocalDateTime local, String tzid) {
        return new ItemTime(null, local, tzid, null);
    }

    /**
     * @param local the wall-clock time, the same in every zone
     * @return a floating time (no TZID)
     */
    public static ItemTime floating(LocalDateTime local) {
        return new ItemTime(null, local, null, null);
    }

    /**
     * @param instant the instant
     * @return a UTC time (written with Z)
     */
    public static ItemTime utc(Instant instant) {
        return new ItemTime(null, null, null, instant);
    }

    /**
     * From what ical4j parsed, with the TZID parameter the property carried (or null).
     *
     * @param t     a LocalDate, LocalDateTime, ZonedDateTime, OffsetDateTime or Instant
     * @param tzid  the property's TZID, or null
     * @return the time as the item states it
     * @throws IllegalArgumentException for any other temporal
     */
    public static ItemTime of(Temporal t, String tzid) {
        if (t instanceof LocalDate d) {
            return allDay(d);
        }
        if (t instanceof LocalDateTime l) {
            return tzid == null ? floating(l) : zoned(l, tzid);
        }
        if (t instanceof ZonedDateTime z) {
            return tzid == null ? utc(z.toInstant()) : zoned(z.toLocalDateTime(), tzid);
        }
        if (t instanceof OffsetDateTime o) {
            return utc(o.toInstant());
        }
        if (t instanceof Instant i) {
            return utc(i);
        }
        throw new IllegalArgumentException("not a date or date-time: " + t);
    }

    /** {@return whether this is a date without a time} */
    public boolean isAllDay() {
        return date != null;
    }

    /** {@return whether this is a local time without a time zone} */
    public boolean isFloating() {
        return local != null && tzid == null;
    }

    /**
     * The property line for this time, e.g. {@code DTSTART;TZID=Europe/Paris:20241017T090000}.
     *
     * @param propertyName e.g. {@code DTSTART}
     * @return the unfolded content line
     */
    public String toContentLine(String propertyName) {
        if (date != null) {
            return propertyName + ";VALUE=DATE:" + DATE.format(date);
        }
        if (utc != null) {
            return propertyName + ":" + DATE_TIME.format(utc.atOffset(ZoneOffset.UTC)) + "Z";
        }
        if (tzid != null) {
            boolean quote = tzid.indexOf(':') >= 0 || tzid.indexOf(';') >= 0 || tzid.indexOf(',') >= 0;
            return propertyName + ";TZID=" + (quote ? "\"" + tzid + "\"" : tzid) + ":" + DATE_TIME.format(local);
        }
        return propertyName + ":" + DATE_TIME.format(local);
    }

    /** {@return the value alone, as in an EXDATE list (the TZID goes on the property)} */
    public String valueText() {
        if (date != null) {
            return DATE.format(date);
        }
        if (utc != null) {
            return DATE_TIME.format(utc.atOffset(ZoneOffset.UTC)) + "Z";
        }
        return DATE_TIME.format(local);
    }
}
